namespace Jaga.Core.Messages;

/// <summary>The texts of <c>jaga migrate export</c> and <c>jaga migrate verify</c>: their journal lines and output.</summary>
internal static class MigrateExportCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["migration.exported"] = "Migration export of {0} to {1} finished: {2} tables, {3} rows in {4}",
        ["migration.export.failed"] = "Migration export of {0} to {1} FAILED: {2}",
        ["migration.verified"] = "Migration verified: {0} and {1} hold the same rows in {2} tables ({3} rows)",
        ["migration.verify.failed"] = "Migration verify FAILED: {0} and {1} differ in {2}",
        ["cli.migrate.export.done"] = "Exported {0} tables, {1} rows, to {2} in {3}",
        ["cli.migrate.export.columns"] = "TABLE|ROWS|FILE|CONTENT SHA-256",
        ["cli.migrate.warning"] = "warning: {0}",
        ["cli.migrate.verify.columns"] = "TABLE|SOURCE ROWS|TARGET ROWS|RESULT|SAMPLE KEYS",
        ["cli.migrate.verify.equal"] = "Equal: {0} and {1} hold the same rows in {2} tables",
        ["cli.migrate.verify.differ"] = "Different: {0} of {1} tables differ between {2} and {3}",
        ["word.migrate.equal"] = "equal",
        ["word.migrate.differs"] = "differs",
    };
}
