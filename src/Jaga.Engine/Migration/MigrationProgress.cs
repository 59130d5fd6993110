namespace Jaga.Engine.Migration;

/// <summary>How far an export or a verify is: the table being read, its rows read so far, and the rows of every table.</summary>
/// <param name="Step">What is being done: <c>export</c>, <c>source</c> or <c>target</c>.</param>
/// <param name="Table">The table being read.</param>
/// <param name="TableRows">Its rows read so far.</param>
/// <param name="TotalRows">The rows of every table so far.</param>
public sealed record MigrationProgress(string Step, string Table, long TableRows, long TotalRows);
