using Jaga.Core.Changes;
using Jaga.Core.Journal.Events.Updates;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Versions;
using Jaga.Engine.Emergency.Steps;
using Jaga.Engine.Journal;
using Jaga.Engine.Readiness;

namespace Jaga.Engine.Updates.Apply;

/// <summary>Applies planned updates to a project, group by group: each group's manifests are edited, their lock files
/// refreshed by the ecosystem's own tool, and the plan's test command run; a group whose tests fail is put back byte for
/// byte and bisected, so the update(s) that break the tests are rolled back and the rest applied. Every applied update and
/// every rollback is a line in the maintenance journal.</summary>
/// <param name="journal">Where applied updates (<c>Update dependency: numpy==1.26.0</c>) and rollbacks are recorded; its
/// language words the reasons, its redactor masks every command output.</param>
/// <param name="realTime">The clock of the commands' timeouts: real time, since they run in the real world.</param>
public sealed class UpdateApplier(MaintenanceJournal journal, TimeProvider realTime)
{
    /// <summary>Variables added to the environment of the lock refreshes and the test command.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>When an update to a new major version is reviewed (the plan's <c>update.review</c>): with
    /// <see cref="ReviewTiming.Before"/>, each goes through the <see cref="ReviewGate"/> as asked by the journal's actor, and
    /// one not reviewed yet is skipped naming the change that awaits review.</summary>
    public ReviewTiming Review { get; init; } = ReviewTiming.After;

    /// <summary>Applies <paramref name="groups"/> in order and returns what became of each update, in the order given.</summary>
    /// <remarks>First, a rollback record an interrupted apply left is rolled back (<see cref="RecoverAsync"/>). Then the tests
    /// run once on the untouched project: when they already fail, no update is tried (each is skipped with that reason), since
    /// a failure could not be told from the updates' own.</remarks>
    /// <param name="root">The project root: manifests' paths are relative to it, the test command runs in it, and the
    /// rollback records live under its <c>.jaga/update-rollback/</c>.</param>
    /// <param name="groups">The updates, grouped by the caller.</param>
    /// <param name="testCommand">The plan's <c>update.test</c>: a program and its arguments, run without a shell (see
    /// <see cref="TestCommand"/>); a <see cref="Core.Errors.UserException"/> when it is empty or needs a shell.</param>
    /// <param name="timeout">How long one test run or one lock refresh may take before its process group is stopped.</param>
    /// <param name="progress">Told of each group, lock refresh, test run and its result.</param>
    /// <param name="ct">Stops the apply: the running attempt's files are restored before the cancellation is thrown.</param>
    /// <exception cref="Core.Errors.UserException">The test command is empty or needs a shell, or another apply runs in the
    /// same project (one at a time per project root).</exception>
    public async Task<IReadOnlyList<UpdateOutcome>> ApplyAsync(string root, IReadOnlyList<UpdateGroup> groups, string testCommand, TimeSpan timeout,
        IProgress<UpdateProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var words = journal.Messages;
        var test = TestCommand.Words(testCommand, words);
        root = Path.GetFullPath(root);
        using var held = ApplyLock.Take(root, words);
        await RecoverRecordsAsync(root, progress, ct);
        var all = groups.SelectMany(g => g.Updates.Select(u => (Group: g.Name, Update: u))).ToList();
        if (all.Count == 0) return [];

        var trial = new UpdateTrial(root, test, timeout, new ProcessStepRunner(realTime, journal.Redactor, words), Environment, words);
        progress?.Report(new UpdateProgress(UpdateStage.Baseline, "", [], string.Join(' ', test)));
        var baseline = await trial.TestAsync(ct);
        ct.ThrowIfCancellationRequested();
        if (!baseline.Succeeded)
        {
            var tail = OutputTail.Of(baseline.Tail);
            await journal.RecordAsync(new UpdateTestsFailing(baseline.Reason, tail) { Data = new Dictionary<string, string> { ["command"] = testCommand } }, ct: ct);
            var reason = words.Format("reason.update.baseline", baseline.Reason);
            return [.. all.Select(a => new UpdateOutcome(a.Update, a.Group, UpdateResult.Skipped, reason) { Tail = tail })];
        }

        var outcomes = new List<UpdateOutcome>();
        foreach (var group in groups)
        {
            progress?.Report(new UpdateProgress(UpdateStage.Group, group.Name, group.Updates, ""));
            var ready = new List<PlannedUpdate>();
            foreach (var update in group.Updates)
            {
                if ((ManifestEdits.Refusal(root, update, words) ?? await HeldAsync(update, ct)) is { } refusal)
                {
                    progress?.Report(new UpdateProgress(UpdateStage.Skipped, group.Name, [update], refusal));
                    outcomes.Add(new UpdateOutcome(update, group.Name, UpdateResult.Skipped, refusal));
                }
                else
                {
                    ready.Add(update);
                }
            }
            await SolveAsync(trial, group.Name, ready, outcomes, progress, ct);
        }
        return [.. all.Select(a => outcomes.First(o => ReferenceEquals(o.Update, a.Update) && o.Group == a.Group))];
    }

    /// <summary>Rolls back what an apply stopped midway left (its rollback records under <c>.jaga/update-rollback/</c>),
    /// each record a WARN line in the journal. <see cref="ApplyAsync"/> does this first; a command that reads the project
    /// before applying may call it too. A <see cref="Core.Errors.UserException"/> while another apply runs in the project.</summary>
    public async Task RecoverAsync(string root, IProgress<UpdateProgress>? progress = null, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(root);
        using var held = ApplyLock.Take(full, journal.Messages);
        await RecoverRecordsAsync(full, progress, ct);
    }

    private async Task RecoverRecordsAsync(string root, IProgress<UpdateProgress>? progress, CancellationToken ct)
    {
        foreach (var (updates, files) in RollbackRecord.RecoverAll(root))
        {
            var named = string.Join(", ", updates);
            progress?.Report(new UpdateProgress(UpdateStage.Recovered, "", [], named));
            await journal.RecordAsync(new UpdateRecovered(named, files), ct: CancellationToken.None);
        }
    }

    /// <summary>Why <paramref name="update"/> waits for a review before it is applied, or null: it is not a major update, the
    /// plan reviews after, or its request was reviewed (and is now taken, so the next apply asks again).</summary>
    private async Task<string?> HeldAsync(PlannedUpdate update, CancellationToken ct)
    {
        if (Review != ReviewTiming.Before || update.Kind != UpdateKind.Major) return null;
        var words = journal.Messages;
        var subject = ChangeSubjects.MajorUpdate(Ecosystem(update), update.Dependency.Name, update.To);
        var what = words.Format("cli.changes.what.update", update.Dependency.Name, update.From, update.To);
        var gate = await ReviewGate.PassAsync(journal, ChangeKind.MajorUpdate, subject, what, journal.Actor, ct);
        return gate.Passed ? null : words.Format("reason.update.review.before", gate.Change.Id, gate.Change.Author);
    }

    /// <summary>Tries <paramref name="updates"/> together; when the tests fail, tries each half in turn, down to the single
    /// update that fails alone.</summary>
    private async Task SolveAsync(UpdateTrial trial, string group, IReadOnlyList<PlannedUpdate> updates, List<UpdateOutcome> outcomes,
        IProgress<UpdateProgress>? progress, CancellationToken ct)
    {
        if (updates.Count == 0) return;
        var result = await trial.TryAsync(group, updates, progress, ct);
        if (result.Kept)
        {
            progress?.Report(new UpdateProgress(UpdateStage.Passed, group, updates, ""));
            foreach (var update in updates)
            {
                // The files are kept: their lines are written even when the apply is being cancelled.
                await journal.RecordAsync(new UpdateApplied(update.Pinned) { Data = Data(group, update) }, ct: CancellationToken.None);
                outcomes.Add(new UpdateOutcome(update, group, UpdateResult.Applied, journal.Messages.Format("reason.update.applied")));
            }
            return;
        }
        progress?.Report(new UpdateProgress(UpdateStage.Failed, group, updates, result.Reason));
        var named = UpdateProgress.Pinned(updates);
        await journal.RecordAsync(new UpdateRolledBack(named, result.Reason, result.Tail)
        {
            Data = new Dictionary<string, string>(StringComparer.Ordinal) { ["group"] = group, ["updates"] = named },
        }, ct: CancellationToken.None);
        if (updates.Count == 1)
        {
            outcomes.Add(new UpdateOutcome(updates[0], group, UpdateResult.RolledBack, result.Reason) { Tail = result.Tail });
            return;
        }
        progress?.Report(new UpdateProgress(UpdateStage.Bisecting, group, updates, ""));
        var half = updates.Count / 2;
        await SolveAsync(trial, group, [.. updates.Take(half)], outcomes, progress, ct);
        await SolveAsync(trial, group, [.. updates.Skip(half)], outcomes, progress, ct);
    }

    private static string Ecosystem(PlannedUpdate update) => update.Dependency.Ecosystem.ToString().ToLowerInvariant();

    private static Dictionary<string, string> Data(string group, PlannedUpdate update) => new(StringComparer.Ordinal)
    {
        ["group"] = group,
        ["ecosystem"] = Ecosystem(update),
        ["name"] = update.Dependency.Name,
        ["from"] = update.From,
        ["to"] = update.To,
        ["kind"] = update.Kind.ToString().ToLowerInvariant(),
        ["security"] = update.Security ? "true" : "false",
        ["manifest"] = update.Dependency.Where.ToString(),
    };
}
