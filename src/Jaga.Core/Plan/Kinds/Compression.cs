namespace Jaga.Core.Plan;

/// <summary>How a backup or a rotated log is compressed (<c>compress:</c>).</summary>
public enum Compression
{
    None,
    Gzip,
    Zstd,
}
