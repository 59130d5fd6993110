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

    [Fact]
    public async Task A_run_caught_by_the_outage_has_its_end_recorded_once_the_store_is_back()
    {
        using var w = new MultiNodeWorkspace(postgres, await postgres.CreateDatabaseAsync());
        // 200 MB through gzip: a run of a few seconds, so the store can go away while it is writing.
        var buffer = new byte[1024 * 1024];
        await using (var f = File.Create(Path.Combine(w.Data, "big.bin")))
            for (var m = 0; m < 200; m++)
            {
                Random.Shared.NextBytes(buffer);
                f.Write(buffer);
            }
        w.Configure("lease: 3s, shutdown_timeout: 10s", "every: 1d, compress: gzip");
        var node = w.StartNode();
        await w.WaitUntilUpAsync(Wait);
        MultiNodeRun? running = null;
        await MultiNodeWorkspace.UntilAsync(async () => (running = (await w.RunsAsync()).FirstOrDefault(r => r.Outcome == "running")) is not null, Wait, w.Outputs);

        // Down for longer than the lease: the run cannot renew its claim, nor record its end, while the store is away.
        await postgres.PauseAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(8));
            Assert.False(node.HasExited, w.Outputs());
        }
        finally
        {
            await postgres.ResumeAsync();
        }

        // The run that lost its store mid-way fails (its catalog writes fail) and its end is recorded once the store is back,
        // with the failure in the log: not left running, not retried (it failed, it was not lost), no complete backup.
        List<MultiNodeRun> runs = [];
        await MultiNodeWorkspace.UntilAsync(async () =>
        {
            runs = await w.RunsAsync();
            return runs.Single(r => r.Id == running!.Id).Outcome != "running";
        }, Wait, () => string.Join("\n", runs) + "\n" + w.Outputs());
        await w.TerminateAllAsync(Wait);
        runs = await w.RunsAsync();
        output.WriteLine(string.Join("\n", runs));
        output.WriteLine(node.Output);
        Assert.Equal(0, node.ExitCode);
        Assert.DoesNotContain(runs, r => r.Outcome == "running");
        // Its catalog record stays "running" until the job's next run sweeps it to interrupted (the run could not write it
        // while the store was away): shown, not asserted, as that is how the catalog works today.
        output.WriteLine(string.Join("\n", await w.BackupsAsync()));
        var caught = runs.Single(r => r.Id == running!.Id);
        Assert.True(caught.Outcome is "failed" or "succeeded", caught.ToString());
        if (caught.Outcome == "failed")
        {
            Assert.Contains(w.LogLines(), l => l.Contains(MultiNodeWorkspace.JobId + " FAILED", StringComparison.Ordinal));
            Assert.DoesNotContain(await w.BackupsAsync(), b => b.Status == "complete");
        }
        var verify = await w.JagaAsync("audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Output + "\n" + string.Join("\n", w.LogLines()));
    }
}
