using System.Net;
using Jaga.Testing;
using Xunit.Abstractions;

namespace Jaga.Daemon.Tests;

/// <summary>The state store goes away under a running <c>jaga run</c> (PostgreSQL shut down) and comes back: the daemon
/// stays up, says it is not ready meanwhile, and resumes on its own without losing a record.</summary>
[Collection(MultiNodeCollection.Name)]
public sealed class StoreOutageTests(PostgresServer postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_daemon_survives_its_state_store_going_away()
    {
        using var w = new MultiNodeWorkspace(postgres, await postgres.CreateDatabaseAsync());
        w.Configure("lease: 3s, shutdown_timeout: 10s", "every: 2s, compress: gzip");
        var node = w.StartNode();
        await w.WaitUntilUpAsync(Wait);
        await MultiNodeWorkspace.UntilAsync(async () => (await w.RunsAsync()).Count(r => r.Outcome == "succeeded") >= 2, Wait, w.Outputs);
        Assert.Equal(HttpStatusCode.OK, await w.GetAsync(node, "/readyz"));

        DateTimeOffset resumedAt;
        await postgres.PauseAsync();
        try
        {
            // /readyz probes the store: not ready while it is away, yet the process lives and answers /healthz.
            await MultiNodeWorkspace.UntilAsync(async () => await w.GetAsync(node, "/readyz") == HttpStatusCode.ServiceUnavailable, Wait, w.Outputs);
            Assert.Equal(HttpStatusCode.OK, await w.GetAsync(node, "/healthz"));
            // Several occurrences come and go while the store is down (each one a failed claim, not a crash).
            await Task.Delay(TimeSpan.FromSeconds(8));
            Assert.False(node.HasExited, w.Outputs());
            Assert.Equal(HttpStatusCode.OK, await w.GetAsync(node, "/healthz"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await w.GetAsync(node, "/readyz"));
        }
        finally
        {
            await postgres.ResumeAsync();
            resumedAt = TimeProvider.System.GetUtcNow();
        }

        await MultiNodeWorkspace.UntilAsync(async () => await w.GetAsync(node, "/readyz") == HttpStatusCode.OK, TimeSpan.FromSeconds(20), w.Outputs);
        // New runs, claimed after the store came back, succeed.
        await MultiNodeWorkspace.UntilAsync(async () => (await w.RunsAsync()).Count(r => r.ClaimedAt > resumedAt && r.Outcome == "succeeded") >= 2,
            TimeSpan.FromSeconds(30), w.Outputs);
        Assert.False(node.HasExited, w.Outputs());

        await w.TerminateAllAsync(Wait);
        var runs = await w.RunsAsync();
        output.WriteLine(string.Join("\n", runs));
        output.WriteLine(node.Output);
        Assert.Equal(0, node.ExitCode);
        // The outage went down the store-fault path (paused, resumed), not the one for bugs in a pass.
        Assert.Contains("state store reachable again", node.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("scheduler pass failed", node.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(runs, r => r.Outcome == "running");
        // The log file and the chain agree: nothing was recorded in one and lost from the other during the outage.
        var verify = await w.JagaAsync("audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Output + "\n" + string.Join("\n", w.LogLines()));
    }
}
