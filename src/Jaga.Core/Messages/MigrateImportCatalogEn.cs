namespace Jaga.Core.Messages;

/// <summary>The texts of <c>jaga migrate import</c>: its journal lines, its errors and the reasons it refuses an export.</summary>
internal static class MigrateImportCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["migration.imported"] = "Imported {0} into {1}: {2} tables, {3} rows in {4}",
        ["migration.import.failed"] = "Import of {0} into {1} FAILED: {2}",
        ["cli.import.folder.missing"] = "the export folder {0} does not exist",
        ["cli.import.manifest.missing"] = "{0} has no manifest.json: it is not an export, or its export did not finish",
        ["cli.import.manifest.bad"] = "{0} cannot be used: {1}",
        ["cli.import.folder.hint"] = "give --from the folder that jaga migrate export wrote (export again if it did not finish)",
        ["cli.import.target.kind"] = "--into is not a PostgreSQL URL: the import loads into PostgreSQL only",
        ["cli.import.target.hint"] = "write it as postgres://user:password@host:5432/database",
        ["cli.import.url.bad"] = "--into cannot be read: {0}",
        ["cli.import.connect.failed"] = "cannot connect to {0}: {1}",
        ["cli.import.connect.hint"] = "check that the server runs, and the URL's host, port, user, password and database",
        ["cli.import.refused"] = "the import was refused before any row was written ({0} problems):",
        ["cli.import.refused.hint"] = "fix each problem and run the import again; --truncate empties tables that hold rows",
        ["cli.import.finished.hint"] = "the refused table was rolled back; these tables were loaded and committed before it: {0} (import the rest with --tables, or again with --truncate)",
        ["cli.import.rolled.back.hint"] = "everything was rolled back: the target is as it was; fix the row and import again",
        ["cli.import.truncate.failed"] = "--truncate could not empty the target's tables: {0}",
        ["cli.import.table.failed"] = "table {0} was refused: {1}",
        ["cli.import.row.failed"] = "{0}:{1}: the row was refused: {2}",
        ["cli.import.row.failed.column"] = "{0}:{1}: column {2}: {3}",
        ["cli.import.done"] = "Imported {0} tables, {1} rows into {2} in {3}",
        ["cli.import.table"] = "TABLE|ROWS|HOW|SECONDS",
        ["cli.import.created"] = "created",
        ["cli.import.existing"] = "existing table",
        ["cli.import.truncated"] = "existing table, emptied first",
        ["cli.import.progress"] = "{0}: {1} of {2} rows, {3} rows/s",
        ["reason.import.table.unknown"] = "--tables names {0}, which the export does not hold (it holds: {1})",
        ["reason.import.type.name"] = "table {0}: column {1} has the type '{2}' in the manifest, which is not a PostgreSQL type name",
        ["reason.import.column.missing"] = "table {0}: the export's column {1} has no column of that name in the target table (it has: {2})",
        ["reason.import.column.type"] = "table {0}: column {1} is {2} in the export but {3} in the target, and {2} values do not load into {3}",
        ["reason.import.column.required"] = "table {0}: the target's column {1} is NOT NULL without a default, and the export has no such column",
        ["reason.import.fk.skipped"] = "the foreign key ({0}) to {1} is not created: {1} is not imported",
        ["reason.import.file.missing"] = "{0} (table {1}) is missing",
        ["reason.import.file.changed"] = "{0} changed since the export: its SHA-256 is {2}, the manifest says {1}",
        ["reason.import.not.empty"] = "table {0} in the target already holds rows (give --truncate to empty it first)",
    };
}
