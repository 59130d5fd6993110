namespace Jaga.Core.Migration.Run;

/// <summary>One table in a migration receipt.</summary>
/// <param name="Name">The table.</param>
/// <param name="SourceRows">Rows exported (the manifest's count).</param>
/// <param name="SourceContentSha256">The canonical content hash of the exported rows.</param>
/// <param name="CsvSha256">SHA-256 of the CSV file.</param>
/// <param name="TargetRows">Rows in the target once imported; null when the run did not get to verify.</param>
/// <param name="TargetContentSha256">The canonical content hash of the target's rows; null likewise.</param>
public sealed record ReceiptTable(string Name, long SourceRows, string SourceContentSha256, string CsvSha256, long? TargetRows, string? TargetContentSha256)
{
    /// <summary>True when the target was read and holds the same rows.</summary>
    public bool Equal => TargetRows == SourceRows && TargetContentSha256 == SourceContentSha256;
}
