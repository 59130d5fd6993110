using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A sign-in was refused: an unknown name or a wrong password (which of the two is not said).</summary>
public sealed record DashboardSignInRefused(string User, string Address) : JournalEvent("dashboard.signin", "dashboard.signin.refused", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [User, Address];
}
