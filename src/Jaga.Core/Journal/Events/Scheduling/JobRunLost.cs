using Jaga.Core.Ledger;
using Jaga.Core.Messages;

namespace Jaga.Core.Journal.Events.Scheduling;

/// <summary>A run was lost: the node that claimed it stopped renewing its claim (it died, or lost the state store).</summary>
/// <param name="Job">The job.</param>
/// <param name="Due">When the run was due, in the plan's zone.</param>
/// <param name="Node">The node that held the claim.</param>
/// <param name="RunAgain">True when it is run again (<c>catch_up: once</c>).</param>
public sealed record JobRunLost(string Job, string Due, string Node, bool RunAgain) : JournalEvent("scheduler.lost", "job.lost", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Job, Due, Node, RunAgain ? new Phrase("job.lost.retry") : ""];
}
