using Jaga.Core.Adapters;

namespace Jaga.Engine.Migration.Export;

/// <summary><c>jaga migrate export</c>: every table of a SQLite, PostgreSQL or MySQL/MariaDB database to one CSV file
/// each, then <c>manifest.json</c> (see <c>docs/migration.md</c>).</summary>
public static class MigrationExport
{
    /// <summary>Exports <paramref name="request"/>'s tables. Bad input (a URL, a folder that holds something else, an
    /// unknown table, a value SQLite's loose typing let into a column of another type) is a
    /// <see cref="Core.Errors.UserException"/>; the act is recorded in <see cref="MigrationContext.Journal"/>.</summary>
    public static Task<MigrationExportResult> RunAsync(AdapterSet adapters, MigrationExportRequest request, MigrationContext context, CancellationToken ct) =>
        throw new NotImplementedException("being written on branch s10-export");
}
