using Jaga.Core.Ledger;
using Jaga.Core.Readiness;

namespace Jaga.Dashboard;

/// <summary>The checklist page's part: the readiness checklist as <c>jaga checklist</c> gathers it, and an acknowledgement
/// as <c>jaga checklist ack</c> records it.</summary>
public partial interface IDashboardState
{
    /// <summary>Gathers the readiness checklist's evidence (git, the files, the store, the secrets scan, the application's
    /// URL): slow, so the page keeps the result (<see cref="Readiness.ChecklistDesk"/>) rather than asking on each request.</summary>
    Task<ChecklistReport> GatherChecklistAsync(CancellationToken ct);

    /// <summary>Records that <paramref name="by"/> acknowledged the point <paramref name="item"/> (a valid point's name):
    /// one log line and one audit entry, then the acknowledgement in the store.</summary>
    Task<AuditEntry> AcknowledgeChecklistAsync(string item, string by, string note, CancellationToken ct);
}
