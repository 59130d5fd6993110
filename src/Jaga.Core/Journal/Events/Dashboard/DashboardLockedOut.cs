using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>Too many wrong passwords in a row: the user's sign-in is refused until the lock ends.</summary>
public sealed record DashboardLockedOut(string User, string Address, int Attempts, string Until) : JournalEvent("dashboard.signin", "dashboard.lockout", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [User, Address, Attempts, Until];
}
