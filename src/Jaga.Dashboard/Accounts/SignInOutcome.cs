using Jaga.Core.Ports;

namespace Jaga.Dashboard.Accounts;

/// <summary>What a sign-in attempt came to.</summary>
/// <param name="User">The user signed in, when the password was right and no lock held.</param>
/// <param name="LockedUntil">Until when sign-in is refused, when a lock holds (now or from this attempt).</param>
public sealed record SignInOutcome(DashboardUser? User, DateTimeOffset? LockedUntil);
