using Jaga.Core.Adapters;
using Jaga.Core.Env;
using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Migration;
using Jaga.Core.Messages;
using Jaga.Core.Migration.Run;
using Jaga.Core.Plan;
using Jaga.Engine.Env;
using Jaga.Engine.Journal;
using Jaga.Engine.Migration.Export;
using Jaga.Engine.Migration.Import;
using Jaga.Engine.Migration.Verify;

namespace Jaga.Engine.Migration.Run;

/// <summary><c>jaga migrate run</c>: the seed's migration steps from the plan's <c>migration:</c> section — export the
/// starter kit's database, import it into PostgreSQL, set the env file's keys, run the integration tests, verify the
/// target against the export — each a line of the maintenance log; then the receipt, written beside the export and sealed
/// in a signed audit checkpoint. A failed step stops the run: what the steps before it did stays done, and the receipt
/// says where it stopped.</summary>
/// <remarks>One object per run. The run's one entry of kind <c>migration.run</c> (<see cref="MigrationRunFinished"/> or
/// <see cref="MigrationRunFailed"/>) carries the receipt's SHA-256; the checkpoint signed after it vouches for both.</remarks>
/// <param name="adapters">The build's adapters: the export's sources, the import's target, the verify's readers.</param>
/// <param name="journal">Where each step is recorded; its language words the receipt.</param>
/// <param name="plan">The plan whose section is run.</param>
/// <param name="clock">The plan's clock: the times of the receipt and the export's manifest.</param>
/// <param name="realTime">The clock of durations and of the test command's timeout.</param>
public sealed partial class MigrationRun(AdapterSet adapters, MaintenanceJournal journal, LoadedPlan plan, TimeProvider clock, TimeProvider realTime)
{
    private readonly List<ReceiptStep> steps = [];
    private readonly List<ReceiptTable> tables = [];
    private readonly List<EnvKeyChange> envKeys = [];
    private ReceiptTest? test;
    private string? envFile;

    /// <summary>What the terminal shows as the run goes: each step as it starts, the test command's output (masked).</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Who runs it (user@host), for the receipt.</summary>
    public string By { get; init; } = "";

    private Catalog Words => journal.Messages;

    /// <summary>Runs every step of <paramref name="run"/>; a failed step stops the run and is in the result's receipt.</summary>
    /// <param name="run">The plan's section, checked (<see cref="MigrationRunPlan.Of"/>).</param>
    /// <param name="truncate">Empty target tables that hold rows before the import (otherwise the import refuses them).</param>
    /// <param name="ct">Stops the run: the step running fails with the cancellation, which is rethrown once recorded.</param>
    /// <exception cref="UserException">A step met bad input (a URL, a non-empty target table): rethrown once the run's
    /// failure is recorded and its receipt written.</exception>
    public async Task<MigrationRunResult> RunAsync(MigrationRunPlan run, bool truncate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var started = clock.GetUtcNow();
        var folder = run.FolderAt(started);
        await journal.RecordAsync(new MigrationStarted(run.FromShown, run.ToShown, MigrationRunPlan.Steps)
        {
            Data = new Dictionary<string, string>(StringComparer.Ordinal) { ["from"] = run.FromShown, ["to"] = run.ToShown, ["folder"] = Shown(folder) },
        }, ct: ct);
        var context = new MigrationContext(clock);
        var ok = await StepAsync(run, MigrationStep.Export, started, folder, async () =>
        {
            var export = await MigrationExport.RunAsync(adapters, new MigrationExportRequest(run.From, folder, Tables(run)), context, ct);
            tables.AddRange(export.Manifest.Tables.Select(t => new ReceiptTable(t.Name, t.Rows, t.ContentSha256, t.Sha256, null, null)));
            return (true, Words.Format("reason.migration.export", export.Manifest.Tables.Count, export.Rows, Shown(folder)));
        }, ct);
        ok = ok && await StepAsync(run, MigrationStep.Import, started, folder, async () =>
        {
            var target = adapters.ImportTarget ?? throw new InvalidOperationException("no import target in this build: the composition root misses its registration");
            var import = new MigrationImport(target, clock) { Messages = Words };
            var result = await import.RunAsync(new ImportOptions(folder, run.Section.To) { Atomic = true, Truncate = truncate, Tables = Tables(run) }, ct: ct);
            return (true, Words.Format("reason.migration.import", result.Tables.Count, result.Rows, run.ToShown));
        }, ct);
        ok = ok && await StepAsync(run, MigrationStep.Env, started, folder, () => SetEnvAsync(run), ct);
        ok = ok && await StepAsync(run, MigrationStep.Test, started, folder, () => TestAsync(run, ct), ct);
        ok = ok && await StepAsync(run, MigrationStep.Verify, started, folder, async () =>
        {
            var verify = await MigrationVerify.RunAsync(adapters, new MigrationVerifyRequest(folder, run.Section.To, Tables(run)), context, ct);
            Compare(verify);
            return verify.Equal
                ? (true, Words.Format("reason.migration.verify", verify.Tables.Count, verify.Tables.Sum(t => t.TargetRows)))
                : (false, Words.Format("reason.migration.verify.differs", verify.Tables.Count(t => !t.Equal), Differences(verify)));
        }, ct);
        return ok ? await FinishAsync(run, started, folder, null, null) : Ended!;
    }

    /// <summary>The result of a run that stopped at a failed step (set by <see cref="StepAsync"/>).</summary>
    private MigrationRunResult? Ended { get; set; }

    private static IReadOnlyList<string>? Tables(MigrationRunPlan run) => run.Section.Tables.Count > 0 ? run.Section.Tables : null;

    /// <summary>Runs one step and records it. A step that returns a failure, or throws, ends the run there: its failure
    /// and the run's are recorded, the receipt written and sealed; a thrown exception is then rethrown.</summary>
    private async Task<bool> StepAsync(MigrationRunPlan run, MigrationStep step, DateTimeOffset started, string folder,
        Func<Task<(bool Ok, string Detail)>> body, CancellationToken ct)
    {
        var number = (int)step + 1;
        Progress?.Report(Words.Format("cli.migrate.step", number, MigrationRunPlan.Steps, Words["migration.step." + Word(step)]));
        var begun = realTime.GetTimestamp();
        (bool Ok, string Detail) outcome;
        try
        {
            outcome = await body();
        }
        catch (Exception e)
        {
            var reason = e is UserException or OperationCanceledException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            await FailAsync(run, step, journal.Redactor.Redact(reason), realTime.GetElapsedTime(begun), started, folder);
            throw;
        }
        var took = realTime.GetElapsedTime(begun);
        var detail = journal.Redactor.Redact(outcome.Detail);
        if (!outcome.Ok)
        {
            Ended = await FailAsync(run, step, detail, took, started, folder);
            return false;
        }
        steps.Add(new ReceiptStep(step, true, detail, took));
        await journal.RecordAsync(new MigrationStepDone(number, MigrationRunPlan.Steps, step, detail, MigrationReceiptText.Seconds(took))
        {
            Data = new Dictionary<string, string>(StringComparer.Ordinal) { ["step"] = Word(step) },
        }, ct: ct);
        return true;
    }

    private async Task<MigrationRunResult> FailAsync(MigrationRunPlan run, MigrationStep step, string reason, TimeSpan took, DateTimeOffset started, string folder)
    {
        steps.Add(new ReceiptStep(step, false, reason, took));
        await journal.RecordAsync(new MigrationStepFailed((int)step + 1, MigrationRunPlan.Steps, step, reason)
        {
            Data = new Dictionary<string, string>(StringComparer.Ordinal) { ["step"] = Word(step) },
        }, ct: CancellationToken.None);
        return await FinishAsync(run, started, folder, step, reason);
    }

    /// <summary>Step 3: the plan's <c>migration.env</c> keys into its env file (atomically, the previous file kept).</summary>
    private async Task<(bool, string)> SetEnvAsync(MigrationRunPlan run)
    {
        if (run.Env.Count == 0) return (true, Words["reason.migration.env.none"]);
        var updated = EnvFileUpdate.Apply(run.EnvFile, run.Env, Words, EnvHmacKey.LoadOrCreate(plan, Words));
        envFile = run.EnvFileShown;
        envKeys.AddRange(updated.Changes);
        // Recorded even when the run is being stopped: the file was written.
        await EnvFileUpdate.RecordAsync(journal, run.EnvFileShown, updated, CancellationToken.None);
        var keys = string.Join(", ", updated.Changes.Select(c => $"{c.Key} ({Words["env.change." + Word(c.Change)]})"));
        return (true, Words.Format("reason.migration.env.keys", updated.Changes.Count, run.EnvFileShown, keys));
    }

    private void Compare(MigrationVerifyResult verify)
    {
        var byName = verify.Tables.ToDictionary(t => t.Table, StringComparer.Ordinal);
        for (var i = 0; i < tables.Count; i++)
        {
            if (!byName.TryGetValue(tables[i].Name, out var c)) continue;
            tables[i] = tables[i] with
            {
                TargetRows = c.TargetRows < 0 ? null : c.TargetRows,
                TargetContentSha256 = c.TargetContentSha256.Length == 0 ? null : c.TargetContentSha256,
            };
        }
    }

    private string Differences(MigrationVerifyResult verify) =>
        string.Join("; ", verify.Tables.Where(t => !t.Equal).Select(t => Words.Format("reason.migration.verify.table", t.Table,
            t.Problem ?? $"{t.SourceRows} → {t.TargetRows} rows{(t.SampleKeys.Count > 0 ? ", " + string.Join(", ", t.SampleKeys.Take(3)) : "")}")));

    /// <summary>A path as the log and the receipt show it: relative to the plan's folder.</summary>
    private string Shown(string path) => Path.GetRelativePath(plan.Directory, path);

    private static string Word<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
