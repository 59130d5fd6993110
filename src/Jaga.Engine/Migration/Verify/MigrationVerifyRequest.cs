namespace Jaga.Engine.Migration.Verify;

/// <summary>What <c>jaga migrate verify</c> compares.</summary>
/// <param name="Source">The source database's URL, or an export folder (its <c>manifest.json</c> and CSV files).</param>
/// <param name="Target">The target PostgreSQL database's URL.</param>
/// <param name="Tables">The tables to compare; all of the source's (or the manifest's) when null or empty.</param>
public sealed record MigrationVerifyRequest(string Source, string Target, IReadOnlyList<string>? Tables = null);
