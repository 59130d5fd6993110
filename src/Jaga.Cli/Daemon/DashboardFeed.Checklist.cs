using Jaga.Cli.Commands.Readiness;
using Jaga.Core.Ledger;
using Jaga.Core.Readiness;
using Jaga.Engine.Readiness;

namespace Jaga.Cli.Daemon;

internal sealed partial class DashboardFeed
{
    public Task<ChecklistReport> GatherChecklistAsync(CancellationToken ct) => ChecklistCommand.GatherAsync(state.Plan, state.Store, state.Clock, ct);

    public Task<AuditEntry> AcknowledgeChecklistAsync(string item, string by, string note, CancellationToken ct) =>
        ChecklistAcknowledgement.RecordAsync(state.Journal, item, by, note, ct);
}
