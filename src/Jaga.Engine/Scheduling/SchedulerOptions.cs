namespace Jaga.Engine.Scheduling;

/// <summary>How one node's scheduler behaves. <paramref name="Node"/> is this process's id (<see cref="NodeId"/>).</summary>
public sealed record SchedulerOptions(string Node, TimeZoneInfo Zone, int Concurrency, TimeSpan Lease, TimeSpan ShutdownTimeout)
{
    /// <summary>How long a job that ignores its cancellation is waited for after its timeout before it is abandoned.</summary>
    public TimeSpan AbandonAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the node beats, renews its leases and looks for lost runs: a third of the lease.</summary>
    public TimeSpan Housekeeping => Lease / 3;
}
