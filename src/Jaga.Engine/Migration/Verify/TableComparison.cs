namespace Jaga.Engine.Migration.Verify;

/// <summary>One table on both sides.</summary>
/// <param name="Table">Its name.</param>
/// <param name="SourceRows">Rows in the source (or the export's manifest).</param>
/// <param name="TargetRows">Rows in the target; -1 when the target has no such table.</param>
/// <param name="SourceContentSha256">The canonical content hash of the source's rows.</param>
/// <param name="TargetContentSha256">The same of the target's rows (empty when the table is missing).</param>
/// <param name="SampleKeys">When they differ: a few primary keys (<c>id=42</c>) of rows present on one side only or
/// different, each with where it differs (<c>changed</c>, <c>only in source</c>, <c>only in target</c>).</param>
/// <param name="Problem">Why the table could not be compared (missing in the target, other columns); null when it was.</param>
public sealed record TableComparison(
    string Table,
    long SourceRows,
    long TargetRows,
    string SourceContentSha256,
    string TargetContentSha256,
    IReadOnlyList<string> SampleKeys,
    string? Problem)
{
    public bool Equal => Problem is null && SourceRows == TargetRows && SourceContentSha256 == TargetContentSha256;
}
