namespace Jaga.Engine.Migration.Export;

/// <summary>What <c>jaga migrate export</c> is asked to do.</summary>
/// <param name="From">The source database: <c>sqlite:PATH</c>, <c>postgres://…</c> or <c>mysql://…</c>.</param>
/// <param name="Out">The export folder: missing, empty, or a previous Jaga export (which is replaced).</param>
/// <param name="Tables">The tables to export; all user tables when null or empty.</param>
public sealed record MigrationExportRequest(string From, string Out, IReadOnlyList<string>? Tables = null);
