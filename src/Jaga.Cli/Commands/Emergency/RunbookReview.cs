using Jaga.Core.Changes;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;
using Jaga.Engine.Readiness;

namespace Jaga.Cli.Commands.Emergency;

/// <summary>A runbook with <c>review: before</c> runs by hand only once someone other than who asked has reviewed the
/// request (<c>jaga changes review</c>); the first ask records the request and is refused (exit 2) naming it. A review
/// approves the run it was asked for: the same runbook, parameters and requester (<see cref="ChangeSubjects.Runbook"/>).</summary>
internal static class RunbookReview
{
    /// <summary>Passes, or records the request and refuses; <paramref name="requester"/> is who asks for the run (the
    /// dashboard's signed-in user), the CLI's user@host when null.</summary>
    public static async Task RequireAsync(Runbook runbook, IReadOnlyDictionary<string, string> values, MaintenanceJournal journal, Catalog words, CancellationToken ct, string? requester = null)
    {
        var who = requester ?? CliContext.Actor;
        if (runbook.Review != ReviewTiming.Before) return;
        var parameters = values.Count == 0 ? "-" : string.Join(", ", values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var what = journal.Messages.Format("cli.changes.what.runbook", runbook.Name, parameters);
        var gate = await ReviewGate.PassAsync(journal, ChangeKind.Runbook, ChangeSubjects.Runbook(runbook.Name, values, who), what, who, ct);
        if (!gate.Passed)
            throw new UserError(words.Format("cli.changes.before", runbook.Name, gate.Change.Id, gate.Change.Author), words.Format("cli.changes.before.hint", gate.Change.Id));
    }
}
