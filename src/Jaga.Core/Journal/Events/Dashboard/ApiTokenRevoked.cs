using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>An API token was revoked (<c>jaga token revoke</c>).</summary>
public sealed record ApiTokenRevoked(string Id) : JournalEvent("dashboard.token", "dashboard.token.revoked", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Id];
}
