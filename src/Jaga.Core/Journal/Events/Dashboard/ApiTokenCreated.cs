using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>An API token was made (<c>jaga token create</c>); never the token.</summary>
public sealed record ApiTokenCreated(string Id, string Name, string Role) : JournalEvent("dashboard.token", "dashboard.token.created", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Id, Name, Role];
}
