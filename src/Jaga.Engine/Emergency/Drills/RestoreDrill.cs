using System.Globalization;
using Jaga.Core.Adapters;
using Jaga.Core.Backup;
using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Emergency;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;

namespace Jaga.Engine.Emergency.Drills;

/// <summary>A restore drill: the latest completed backup of a job restored into a scratch target the way
/// <c>backup verify --restore</c> does (<see cref="TrialRestore"/>), its row counts compared with the manifest, the drill's
/// test command run against it, and the scratch target removed. It measures the recovery time (start to verified) and
/// the data-loss window (the age of the data restored), records both in <see cref="IDrills"/>, and writes one line to the
/// maintenance log and one audit entry.</summary>
/// <param name="s">The backup pillar's services: the plan, the catalog, the connectors and the journal.</param>
/// <param name="drills">Where drills are recorded.</param>
/// <param name="realTime">Measures the recovery time and bounds the drill: the world's time, not the plan's clock (which a
/// test may hold still).</param>
public sealed class RestoreDrill(BackupServices s, IDrills drills, TimeProvider realTime)
{
    /// <summary>Runs the drill of <paramref name="spec"/>. A drill that fails (no good copy, a restore or row count that
    /// does not match, a test command that fails, the timeout) is recorded as failed with its reason; a job the plan does
    /// not have or that has no completed backup yet is a <see cref="UserException"/>, and nothing is recorded.</summary>
    /// <param name="spec">The job, test command and timeout.</param>
    /// <param name="keep">Leave the scratch target in place (its address is in <see cref="DrillRun.Kept"/>).</param>
    /// <param name="observer">Progress on a terminal.</param>
    /// <param name="ct">Cancels the drill: nothing is recorded, and the scratch target is removed.</param>
    public async Task<DrillRun> RunAsync(DrillSpec spec, bool keep = false, BackupObserver? observer = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var words = s.Journal.Messages;
        var job = s.Plan.Plan.Backup.FirstOrDefault(j => j.Name == spec.Job)
            ?? throw new UserException($"the plan has no backup job '{spec.Job}'", $"its jobs: {string.Join(", ", s.Plan.Plan.Backup.Select(j => j.Name))}");
        var record = await BackupSchedule.VerifiableAsync(s.Catalog, job.Name, ct)
            ?? throw new UserException(words.Format("cli.drill.none", job.Name), words.Format("cli.drill.none.hint", job.Name));
        var manifest = BackupRestorer.ManifestOf(record);
        var started = s.Clock.GetUtcNow();
        var clock = realTime.GetTimestamp();

        using var limit = new CancellationTokenSource(spec.Timeout, realTime);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        Attempt attempt;
        try
        {
            attempt = await AttemptAsync(spec, job, record, manifest, keep, observer, linked.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            attempt = new Attempt(words.Format("reason.drill.timeout", Core.Plan.Values.DurationValue.Format(spec.Timeout)), null, null, null);
        }
        // To the millisecond, as the store keeps them: what this returns is what status and /metrics will show.
        var recovery = attempt.Problem is null ? Milliseconds(realTime.GetElapsedTime(clock)) : (TimeSpan?)null;
        var dataLoss = Milliseconds(started - manifest.Started);
        var ended = s.Clock.GetUtcNow();
        var detail = attempt.Problem ?? attempt.Checked;
        var result = new DrillResult(job.Name, record.Id, started, ended, attempt.Problem is null ? DrillOutcome.Succeeded : DrillOutcome.Failed,
            recovery, dataLoss, detail is null ? null : s.Journal.Redactor.Redact(detail), s.Journal.Node);
        await drills.RecordAsync(result, ct);

        var data = new Dictionary<string, string>
        {
            ["job"] = job.Name,
            ["id"] = record.Id,
            ["artifact"] = record.Artifact,
            ["data_loss_seconds"] = Seconds(dataLoss),
        };
        if (attempt.From is { } from) data["from"] = from;
        if (recovery is { } r) data["recovery_seconds"] = Seconds(r);
        var entry = attempt.Problem is null
            ? await s.Journal.RecordAsync(new DrillSucceeded(job.Name, record.Artifact, Took(recovery!.Value), HeartbeatVerdict.Age(dataLoss), attempt.Checked!) { Data = data }, ct: ct)
            : await s.Journal.RecordAsync(new DrillFailed(job.Name, result.Detail!) { Data = data }, ct: ct);
        return new DrillRun(result, entry.Line, record.Artifact, attempt.Kept is null ? null : s.Journal.Redactor.Redact(attempt.Kept));
    }

    /// <summary>Tries the copies in a restore's order until one restores into a fresh scratch target; then checks it.</summary>
    private async Task<Attempt> AttemptAsync(DrillSpec spec, BackupJob job, BackupRecord record, BackupManifest manifest, bool keep, BackupObserver? observer, CancellationToken ct)
    {
        var words = s.Journal.Messages;
        var problems = new List<string>();
        foreach (var copy in BackupRestorer.Candidates(s, record))
        {
            observer?.Note?.Invoke(copy.Destination);
            ScratchTarget scratch;
            try
            {
                scratch = await s.Connectors.ScratchAsync(manifest, job.Verify?.RestoreInto, ct);
            }
            catch (Exception e) when (e is BackupSourceException or DestinationException)
            {
                // No scratch target (no CREATEDB, the server away): no copy can be tried.
                return new Attempt(Backup.Pipeline.Reasons.Of(e), null, null, null);
            }
            var kept = false;
            try
            {
                var trial = await TrialRestore.IntoAsync(s, scratch, copy.Destination, manifest, job, observer, ct);
                if (trial.Problem is not null)
                {
                    problems.Add($"{copy.Destination}: {trial.Problem}");
                    continue;
                }
                var test = spec.Test is null ? null : await TestAsync(spec.Test, job, record, scratch, ct);
                kept = keep;
                var address = keep ? scratch.Address ?? scratch.Target.Description : null;
                return test is { Passed: false }
                    ? new Attempt(Mask(test.Text, scratch), null, copy.Destination, address)
                    : new Attempt(null, test is null ? trial.Counts : $"{trial.Counts}; {test.Text}", copy.Destination, address);
            }
            catch (Exception e) when (e is BackupSourceException or DestinationException or IOException)
            {
                problems.Add($"{copy.Destination}: {Backup.Pipeline.Reasons.Of(e)}");
            }
            finally
            {
                if (!kept) await scratch.DisposeAsync();
            }
        }
        return new Attempt(problems.Count > 0 ? string.Join("; ", problems) : words.Format("reason.drill.no.copy", record.Artifact), null, null, null);
    }

    private async Task<TestOutcome> TestAsync(string command, BackupJob job, BackupRecord record, ScratchTarget scratch, CancellationToken ct)
    {
        var words = s.Journal.Messages;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["JAGA_DRILL_TARGET"] = scratch.Address ?? scratch.Target.Description,
            ["JAGA_DRILL_JOB"] = job.Name,
            ["JAGA_DRILL_BACKUP"] = record.Id,
        };
        var (exit, output) = await DrillTest.RunAsync(command, s.Plan.Directory, environment, realTime, ct);
        return exit switch
        {
            0 => new TestOutcome(true, words["reason.drill.test.ok"]),
            null => new TestOutcome(false, words.Format("reason.drill.test.start", output)),
            { } code => new TestOutcome(false, words.Format("reason.drill.test.failed", code, LastLines(output))),
        };
    }

    /// <summary>The scratch target's password is no secret the plan declares: masked here, before anything keeps it.</summary>
    private static string Mask(string text, ScratchTarget scratch) =>
        scratch.Address is { } address && Core.Redaction.Redactor.PasswordOf(address) is { } password
            ? text.Replace(password, Core.Redaction.Redactor.Mask, StringComparison.Ordinal)
            : text;

    private static string LastLines(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var last = string.Join(" | ", lines.TakeLast(3));
        return last.Length == 0 ? "-" : last.Length > 400 ? "…" + last[^400..] : last;
    }

    private static TimeSpan Milliseconds(TimeSpan t) => TimeSpan.FromMilliseconds(Math.Floor(t.TotalMilliseconds));

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Took(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>One drill's attempt: why it failed (null when it passed), what was checked, the copy restored, and where
    /// the scratch target was kept.</summary>
    private sealed record Attempt(string? Problem, string? Checked, string? From, string? Kept);

    private sealed record TestOutcome(bool Passed, string Text);
}
