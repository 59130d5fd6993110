using Jaga.Testing;
using Xunit.Abstractions;

namespace Jaga.Daemon.Tests;

/// <summary>Several real <c>jaga run</c> processes on one PostgreSQL state store: the ledger makes each occurrence run once,
/// and a node killed mid-run has its run declared lost and retried by another.</summary>
[Collection(MultiNodeCollection.Name)]
public sealed class MultiNodeTests(PostgresServer postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Stop = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_nodes_run_every_occurrence_exactly_once()
    {
        using var w = new MultiNodeWorkspace(postgres, await postgres.CreateDatabaseAsync());
        w.Configure("lease: 3s, shutdown_timeout: 10s", "every: 2s, compress: gzip");
        for (var i = 0; i < 3; i++) w.StartNode();
        await w.WaitUntilUpAsync(Start);

        // 40 s of 2 s occurrences: about 20 chances for the nodes to race for a claim.
        var window = TimeSpan.FromSeconds(40);
        await Task.Delay(window);
        Assert.All(w.Nodes, n => Assert.False(n.HasExited, w.Outputs()));
        await w.TerminateAllAsync(Stop);

        var runs = await w.RunsAsync();
        var all = string.Join("\n", runs);
        output.WriteLine(all);
        Assert.True(runs.Count >= 15, $"only {runs.Count} runs in {window.TotalSeconds} s:\n{all}\n{w.Outputs()}");
        Assert.All(runs, r => Assert.True(r.Attempt == 1 && r.Outcome == "succeeded", $"{r}\n{all}\n{w.Outputs()}"));
        // Exactly once: one row per occurrence (the unique key allows one per attempt, and every attempt is 1), and no gap
        // but the one the no-overlap rule makes: an occurrence that came while the run before it was still going is folded
        // into the next (catch_up: once), as a slow first run on a busy machine does.
        Assert.Equal(runs.Count, runs.Select(r => r.Occurrence).Distinct().Count());
        for (var i = 1; i < runs.Count; i++)
        {
            var step = runs[i].Occurrence - runs[i - 1].Occurrence;
            var folded = step > TimeSpan.FromSeconds(2) && runs[i - 1].FinishedAt > runs[i].Occurrence - TimeSpan.FromSeconds(2);
            Assert.True(step == TimeSpan.FromSeconds(2) || folded, $"gap or overlap between {runs[i - 1]} and {runs[i]}:\n{all}");
        }
        // One at a time: a run is claimed only after the one before it finished. Both times are read from the node's clock
        // just before the store is asked (to claim, to record the end), so a claim read at t can be checked after an end read
        // at t + a little and recorded before it: on a loaded machine that little was 90 ms. A claim that truly overlapped a
        // run would be older than its end by most of the run (these take 0.1–1.5 s and are due every 2 s).
        var slack = TimeSpan.FromMilliseconds(300);
        var byClaim = runs.OrderBy(r => r.ClaimedAt).ToList();
        for (var i = 1; i < byClaim.Count; i++)
            Assert.True(byClaim[i].ClaimedAt >= byClaim[i - 1].FinishedAt - slack, $"{byClaim[i]} started before {byClaim[i - 1]} finished");

        var spread = runs.GroupBy(r => r.Node).Select(g => $"{g.Key}: {g.Count()}").ToList();
        output.WriteLine("runs per node: " + string.Join(", ", spread));
        Assert.True(spread.Count >= 2, "one node ran everything: " + string.Join(", ", spread));

        // One complete backup in the catalog per succeeded run, and nothing else.
        var backups = await w.BackupsAsync();
        Assert.All(backups, b => Assert.Equal("complete", b.Status));
        Assert.Equal(runs.Count, backups.Count);
        Assert.Equal(runs.Count, backups.Select(b => b.Artifact).Distinct().Count());

        await w.VerifyAuditOnEveryNodeAsync();
    }

    [Fact]
    public async Task A_node_killed_mid_job_has_its_run_recovered_by_another()
    {
        using var w = new MultiNodeWorkspace(postgres, await postgres.CreateDatabaseAsync());
        // 250 MB of random bytes through gzip: a run of several seconds here, long enough to kill its node mid-run.
        WriteRandomFile(Path.Combine(w.Data, "big.bin"), 250);
        w.Configure("lease: 3s, shutdown_timeout: 10s", $"every: {QuietInterval()}, compress: gzip");
        w.StartNode();
        w.StartNode();
        await w.WaitUntilUpAsync(Start);

        // The first occurrence is due at once; whichever node claimed it is the one to kill.
        MultiNodeRun? claimed = null;
        await MultiNodeWorkspace.UntilAsync(async () => (claimed = (await w.RunsAsync()).FirstOrDefault(r => r.Outcome == "running")) is not null,
            Start, w.Outputs);
        var victim = w.Nodes.SingleOrDefault(n => n.Pid == claimed!.Pid);
        Assert.True(victim is not null, $"no node has the pid of {claimed}");
        await victim.KillAsync();
        var killedAt = TimeProvider.System.GetUtcNow();
        var survivor = w.Nodes.Single(n => n != victim);
        Assert.Equal("running", (await w.RunsAsync()).Single(r => r.Id == claimed!.Id).Outcome);

        // The lease (3 s) runs out, the survivor declares the run lost and runs the same occurrence again as attempt 2.
        List<MultiNodeRun> runs = [];
        await MultiNodeWorkspace.UntilAsync(async () =>
        {
            runs = await w.RunsAsync();
            return runs.Any(r => r.Occurrence == claimed!.Occurrence && r.Attempt == 2 && r.Outcome != "running");
        }, TimeSpan.FromSeconds(60), () => string.Join("\n", runs) + "\n" + w.Outputs());
        var all = string.Join("\n", runs);
        output.WriteLine(all);
        Assert.Equal("lost", runs.Single(r => r.Id == claimed!.Id).Outcome);
        var retry = runs.Single(r => r.Occurrence == claimed!.Occurrence && r.Attempt == 2);
        Assert.True(retry.Outcome == "succeeded", $"{retry}\n{w.Outputs()}");
        Assert.Equal(survivor.Pid, retry.Pid);
        Assert.True(retry.ClaimedAt - killedAt < TimeSpan.FromSeconds(30), $"retried only at {retry.ClaimedAt:O}, killed at {killedAt:O}");

        Assert.Contains(w.LogLines(), l => l.Contains("was lost", StringComparison.Ordinal) && l.Contains(MultiNodeWorkspace.JobId, StringComparison.Ordinal));
        // The killed run's backup never counts: one complete backup, the retry's, and the killed one marked interrupted.
        var backups = await w.BackupsAsync();
        output.WriteLine(string.Join("\n", backups));
        var complete = Assert.Single(backups, b => b.Status == "complete");
        Assert.True(complete.Started >= retry.ClaimedAt, $"the complete backup {complete} started before the retry was claimed");
        Assert.All(backups.Where(b => b.Started < killedAt), b => Assert.NotEqual("complete", b.Status));
        var files = Directory.GetFiles(w.Backup).Select(f => Path.GetFileName(f)).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([complete.Artifact, complete.Artifact + ".manifest.json"], files);

        await w.TerminateAllAsync(Stop);
        Assert.DoesNotContain(await w.RunsAsync(), r => r.Outcome == "running");
        await w.VerifyAuditOnEveryNodeAsync();
    }

    /// <summary>An interval whose next occurrence is minutes away. The first occurrence (the last one passed) is due at
    /// once; had a new one come due while the lost run waited for its lease to run out, the survivor would claim that one
    /// instead of retrying the lost one (which is right, but not what this test is about).</summary>
    private static string QuietInterval()
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        foreach (var minutes in (int[])[7, 11, 13, 17, 19, 23, 29])
        {
            var period = minutes * 60;
            if (period - (now % period) >= 150) return $"{minutes}m";
        }
        return "31m";
    }

    private static void WriteRandomFile(string path, int megabytes)
    {
        var buffer = new byte[1024 * 1024];
        using var f = File.Create(path);
        for (var m = 0; m < megabytes; m++)
        {
            Random.Shared.NextBytes(buffer);
            f.Write(buffer);
        }
    }
}
