namespace Jaga.Engine.Notify;

/// <summary>How hard alert delivery tries: attempts per alert and channel, the pause before each retry (doubling from
/// <see cref="FirstDelay"/> up to <see cref="MaxDelay"/>), the limit of one attempt, and how many alerts may wait per channel.</summary>
/// <param name="Attempts">Tries per alert and channel, the first included.</param>
/// <param name="FirstDelay">The pause after the first failed try; each later pause doubles.</param>
/// <param name="MaxDelay">No pause is longer than this.</param>
/// <param name="AttemptTimeout">One try (an HTTP POST, an SMTP conversation) is abandoned after this.</param>
/// <param name="QueueCapacity">Alerts waiting per channel; beyond it new alerts are dropped (and that is logged).</param>
public sealed record NotifyPolicy(int Attempts, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan AttemptTimeout, int QueueCapacity)
{
    /// <summary>5 tries over about 10 minutes (pauses of 40 s, 80 s, 160 s, 320 s), 30 s per try, 100 alerts waiting.</summary>
    public static NotifyPolicy Default { get; } = new(5, TimeSpan.FromSeconds(40), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30), 100);

    /// <summary>The pause after failed try number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var ticks = FirstDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
