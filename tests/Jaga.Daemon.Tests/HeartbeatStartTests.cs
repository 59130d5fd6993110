namespace Jaga.Daemon.Tests;

/// <summary>One log line per change of state: a heartbeat check that has had no ping yet says so once at start, however
/// often it is looked at (it once said it twice, two seconds apart).</summary>
public sealed class HeartbeatStartTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly DaemonProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public async Task A_heartbeat_without_pings_logs_no_ping_yet_once()
    {
        project.WritePlan("""
            monitoring:
              checks:
                - name: nightly
                  heartbeat: { every: 1d, grace: 1h }
                  every: 1s
            """);
        using var daemon = await project.StartAsync();
        static bool Waiting(string l) => l.Contains("Check nightly is up: no ping yet", StringComparison.Ordinal);
        await Poll.UntilAsync(() => project.LogLines().Any(Waiting), Wait, () => daemon.Output);

        // Several more looks at the check, one a second: still one line.
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Single(project.LogLines(), Waiting);
    }
}
