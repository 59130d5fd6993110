using System.Threading.RateLimiting;

namespace Jaga.Dashboard.Security;

/// <summary>ASP.NET Core's rate limiter on sign-in: per client address, <see cref="Permits"/> attempts a minute, whatever the
/// names tried; the lock-out in the store then stops a slow guesser of one name.</summary>
public sealed class SignInLimiter : IDisposable
{
    public const int Permits = 10;

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = Permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public bool TryEnter(string address)
    {
        using var lease = limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
