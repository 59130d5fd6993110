namespace Jaga.Core.Plan;

/// <summary>The file extension each compression gives (<c>.gz</c>, <c>.zst</c>), and back.</summary>
public static class CompressionFiles
{
    public static string FileExtension(this Compression compress) => compress switch
    {
        Compression.None => "",
        Compression.Gzip => ".gz",
        Compression.Zstd => ".zst",
    };

    /// <summary>The compression a file name's extension says (none when it has neither <c>.gz</c> nor <c>.zst</c>).</summary>
    public static Compression FromExtension(string pathOrExtension) =>
        pathOrExtension.EndsWith(".zst", StringComparison.Ordinal) ? Compression.Zstd
        : pathOrExtension.EndsWith(".gz", StringComparison.Ordinal) ? Compression.Gzip
        : Compression.None;
}
