namespace Jaga.Engine.Migration.Import;

/// <summary>How far the import is: the table being loaded, its rows so far (estimated from the bytes sent) and the
/// manifest's count, and the rows of all tables so far.</summary>
public sealed record ImportProgress(string Table, long TableRows, long TableTotal, long Rows, long Total, TimeSpan Elapsed);
