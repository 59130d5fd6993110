using System.Globalization;
using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Migration;
using Jaga.Core.Messages;
using Jaga.Core.Migration;
using Jaga.Core.Migration.Import;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Migration.Import;

/// <summary><c>jaga migrate import</c>: loads an export folder into PostgreSQL. The manifest and every file are checked
/// and the target's tables matched before any row is written; then each table is created (or its existing table
/// used), filled by COPY, given its keys, indexes and sequences, and committed (all at once with
/// <see cref="ImportOptions.Atomic"/>); ANALYZE ends it. A refused row rolls back and throws <see cref="ImportFailedException"/>
/// with its file, line and column.</summary>
/// <remarks>Called by the CLI and by <c>jaga migrate run</c>. Each call records one journal event when
/// <see cref="Journal"/> is set: <see cref="MigrationImported"/> or <see cref="MigrationImportFailed"/>.</remarks>
public sealed class MigrationImport(IImportTarget target, TimeProvider clock)
{
    /// <summary>Where the import's maintenance-log line and audit entry go; none when null.</summary>
    public MaintenanceJournal? Journal { get; init; }

    /// <summary>The language of the errors thrown.</summary>
    public Catalog Messages { get; init; } = Catalog.English;

    public async Task<ImportResult> RunAsync(ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = clock.GetTimestamp();
        var shown = Describe(options.Into);
        try
        {
            var tables = await LoadAsync(options, progress, started, ct);
            var result = new ImportResult(options.From, shown, options.Atomic, tables, clock.GetElapsedTime(started));
            if (Journal is { } journal)
            {
                var data = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["from"] = options.From,
                    ["target"] = shown,
                    ["atomic"] = options.Atomic ? "true" : "false",
                    ["tables"] = string.Join(",", tables.Select(t => t.Name)),
                    ["rows"] = result.Rows.ToString(CultureInfo.InvariantCulture),
                };
                await journal.RecordAsync(new MigrationImported(options.From, shown, tables.Count, result.Rows, Took(result.Elapsed)) { Data = data }, ct: ct);
            }
            return result;
        }
        catch (UserException e) when (Journal is not null)
        {
            await Journal.RecordAsync(new MigrationImportFailed(options.From, shown, e.Message), ct: CancellationToken.None);
            throw;
        }
    }

    private string Describe(string url)
    {
        if (!target.Serves(url)) throw new UserException(Messages["cli.import.target.kind"], Messages["cli.import.target.hint"]);
        try
        {
            return target.Describe(url);
        }
        catch (FormatException e)
        {
            throw new UserException(Messages.Format("cli.import.url.bad", e.Message), Messages["cli.import.target.hint"], e);
        }
    }

    private async Task<List<ImportedTable>> LoadAsync(ImportOptions options, IProgress<ImportProgress>? progress, long started, CancellationToken ct)
    {
        var manifest = ExportFolder.ReadManifest(options.From, Messages);
        var problems = new List<Phrase>();
        var tables = ImportPlanner.Select(manifest, options.Tables, problems);
        Refuse(problems);
        // Only whether each file is there: its SHA-256 is computed as it is sent to COPY, and checked before the commit.
        Refuse(ExportFolder.MissingFiles(options.From, tables));

        await using var session = await OpenAsync(options.Into, ct);
        var shown = target.Describe(options.Into);
        var existing = new Dictionary<string, TargetTable>(StringComparer.Ordinal);
        var filled = new List<string>();
        try
        {
            var names = await session.TablesAsync(ct);
            foreach (var t in tables)
            {
                var found = NameMatch.Find(t.Name, names);
                if (found.IsAmbiguous) problems.Add(new Phrase("reason.import.table.ambiguous", [t.Name, string.Join(", ", found.Ambiguous)]));
                if (!found.Found || await session.DescribeAsync(found.Match!, ct) is not { } table) continue;
                existing[t.Name] = table;
                if (await session.HasRowsAsync(table.Name, ct)) filled.Add(table.Name);
            }
        }
        catch (TargetRefusedException e)
        {
            throw Stopped(e, shown, null, []);
        }
        var plan = ImportPlanner.Plan(tables, existing);
        problems.AddRange(plan.Problems);
        if (!options.Truncate) problems.AddRange(filled.Select(n => new Phrase("reason.import.not.empty", [n])));
        Refuse(problems);

        var loader = new TableLoader(session, options.From, Messages);
        var total = plan.Tables.Sum(t => t.Table.Rows);
        var done = new List<ImportedTable>();
        var finished = new List<string>();
        TableLoad? current = null;
        ForeignKeyLoad? key = null;
        try
        {
            if (options.Atomic || filled.Count > 0) await session.BeginAsync(ct);
            if (filled.Count > 0)
            {
                // Emptied together, since a parent cannot be truncated alone while its child still points at it. Without
                // --atomic that is a step of its own, committed before the first table loads.
                await session.ExecuteAsync($"TRUNCATE {Sql.Names(filled)}", ct);
                if (!options.Atomic) await session.CommitAsync(ct);
            }
            foreach (var load in plan.Tables)
            {
                current = load;
                var before = done.Sum(t => t.Rows);
                var tableStarted = clock.GetTimestamp();
                void Report(long rows) => progress?.Report(new ImportProgress(load.Table.Name, rows, load.Table.Rows, before + rows, total, clock.GetElapsedTime(started)));
                if (!options.Atomic) await session.BeginAsync(ct);
                var rows = await loader.LoadAsync(load, Report, finished, ct);
                if (!options.Atomic)
                {
                    await session.CommitAsync(ct);
                    finished.Add(load.Table.Name);
                }
                done.Add(new ImportedTable(load.Table.Name, rows, load.Create, filled.Contains(load.Table.Name), clock.GetElapsedTime(tableStarted),
                    [.. load.Notes.Select(n => Messages.Format(n.Key, [.. n.Args]))]));
            }
            current = null;
            // The foreign keys of the created tables, once every table is loaded: tables that reference each other (or
            // themselves) then load in any order. Without --atomic they are one transaction of their own, all or none.
            if (plan.ForeignKeys.Count > 0)
            {
                if (!options.Atomic) await session.BeginAsync(ct);
                foreach (var fk in plan.ForeignKeys)
                {
                    key = fk;
                    await session.ExecuteAsync(fk.Sql, ct);
                }
                key = null;
                if (!options.Atomic) await session.CommitAsync(ct);
            }
            if (options.Atomic) await session.CommitAsync(ct);
        }
        catch (TargetRefusedException refused)
        {
            await session.RollbackAsync(CancellationToken.None);
            if (refused.Failure != TargetFailure.Refused) throw Stopped(refused, shown, current?.Table.Name, finished);
            if (key is not null) throw KeyFailed(key, refused, options.Atomic, finished);
            throw loader.Failed(current, refused, finished);
        }
        catch
        {
            await session.RollbackAsync(CancellationToken.None);
            throw;
        }
        if (done.Count > 0)
        {
            try
            {
                await session.ExecuteAsync($"ANALYZE {Sql.Names(done.Select(t => existing.TryGetValue(t.Name, out var e) ? e.Name : t.Name))}", ct);
            }
            catch (TargetRefusedException e)
            {
                throw new ImportInterruptedException(Messages.Format("cli.import.analyze.failed", e.Reason), Messages["cli.import.analyze.hint"],
                    [.. done.Select(t => t.Name)], e);
            }
        }
        return done;
    }

    /// <summary>The error of a target that denied a privilege (exit 2: the user's to grant) or whose connection was lost
    /// (exit 1: running again may succeed).</summary>
    private UserException Stopped(TargetRefusedException e, string shown, string? table, IReadOnlyList<string> finished)
    {
        if (e.Failure == TargetFailure.Lost)
        {
            var hint = finished.Count > 0 ? Messages.Format("cli.import.lost.finished.hint", string.Join(", ", finished)) : Messages["cli.import.lost.hint"];
            return new ImportInterruptedException(Messages.Format("cli.import.lost", shown, e.Reason), hint, finished, e);
        }
        var denied = Messages[e.Failure == TargetFailure.Denied ? "cli.import.denied.hint" : "cli.import.refused.hint"] + (finished.Count > 0 ? "; " + Messages.Format("cli.import.finished.hint", string.Join(", ", finished)) : "");
        return new ImportFailedException(Messages.Format("cli.import.denied", shown, e.Reason), denied, table ?? "", "", null, null, e.Reason, finished)
        {
            Detail = e.Detail,
        };
    }

    private ImportFailedException KeyFailed(ForeignKeyLoad key, TargetRefusedException e, bool atomic, IReadOnlyList<string> finished) =>
        new(Messages.Format("cli.import.fk.failed", key.Constraint, key.Table, string.Join(", ", key.Columns), key.References, string.Join(", ", key.ReferencedColumns), e.Reason),
            atomic ? Messages["cli.import.rolled.back.hint"] : Messages["cli.import.fk.hint"], key.Table, "", null, null, e.Reason, finished)
        {
            Detail = e.Detail,
        };

    private async Task<IImportSession> OpenAsync(string url, CancellationToken ct)
    {
        try
        {
            return await target.OpenAsync(url, ct);
        }
        catch (TargetRefusedException e)
        {
            throw new UserException(Messages.Format("cli.import.connect.failed", target.Describe(url), e.Reason), Messages["cli.import.connect.hint"], e);
        }
    }

    /// <summary>Every problem found before the load, in one error, so the user fixes them all in one go.</summary>
    private void Refuse(List<Phrase> problems)
    {
        if (problems.Count == 0) return;
        var lines = string.Join("\n", problems.Select(p => "  - " + Messages.Format(p.Key, [.. p.Args])));
        throw new UserException(Messages.Format("cli.import.refused", problems.Count) + "\n" + lines, Messages["cli.import.refused.hint"]);
    }

    private static string Took(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
