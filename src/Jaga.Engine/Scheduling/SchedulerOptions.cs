namespace Jaga.Engine.Scheduling;

/// <summary>How one node's scheduler behaves. <paramref name="Node"/> is this process's id (<see cref="NodeId"/>).</summary>
public sealed record SchedulerOptions(string Node, TimeZoneInfo Zone, int Concurrency, TimeSpan Lease, TimeSpan ShutdownTimeout)
{
    /// <summary>How long a job that ignores its cancellation is waited for after its timeout before it is abandoned.</summary>
    public TimeSpan AbandonAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The state store is a file on this machine (SQLite): a registered node of this machine whose process no longer
    /// exists is gone at once, instead of after its lease.</summary>
    public bool LocalStore { get; init; }

    /// <summary>How long the ends of owned runs (checks) gather before they are written together: a thousand checks a minute
    /// are then a write a second. Real time; zero writes each as it comes (tests with a fake clock).</summary>
    public TimeSpan GatherEnds { get; init; }

    /// <summary>How often the node beats, renews its leases and looks for lost runs: a third of the lease.</summary>
    public TimeSpan Housekeeping => Lease / 3;
}
