using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

public abstract partial class JobLedgerContract
{
    [Fact]
    public async Task Many_claims_in_one_call_are_each_claimed_taken_or_busy_in_the_order_given()
    {
        var ledger = await LedgerAsync();
        await ClaimAsync(ledger, "taken", 0);
        await ClaimAsync(ledger, "busy", 0);

        var results = await ledger.TryClaimManyAsync(
            [("zeta", T0), ("taken", T0), ("alpha", T0.AddHours(1)), ("busy", T0.AddHours(1))], "node-b", Now, Lease);

        Assert.Equal([ClaimResult.Claimed, ClaimResult.Taken, ClaimResult.Claimed, ClaimResult.Busy], results.Select(r => r.Result));
        Assert.Equal(("zeta", T0, "node-b"), (results[0].Run!.Job, results[0].Run!.Occurrence, results[0].Run!.Node));
        Assert.Equal(("alpha", T0.AddHours(1)), (results[2].Run!.Job, results[2].Run!.Occurrence));
        Assert.Null(results[1].Run);
        Assert.Null(results[3].Run);
        Assert.Equal(4, (await ledger.HistoryAsync(null, 10)).Count);
    }

    [Fact]
    public async Task Concurrent_batch_claims_of_the_same_occurrences_give_each_to_exactly_one_node()
    {
        var jobs = Enumerable.Range(0, 40).Select(i => $"job-{i:D2}").ToList();
        var stores = new List<IStateStore>();
        for (var i = 0; i < 4; i++) stores.Add(await OpenAsync(Location, Clock));
        try
        {
            // Each node asks in its own order: the store must not deadlock, and every occurrence goes to one node.
            var all = await Task.WhenAll(stores.Select((s, n) => Task.Run(() => s.Runs.TryClaimManyAsync(
                [.. (n % 2 == 0 ? jobs : Enumerable.Reverse(jobs)).Select(j => (j, T0))], $"node-{n}", Now, Lease))));

            var claimed = all.SelectMany(r => r).Where(r => r.Result == ClaimResult.Claimed).Select(r => r.Run!.Job).ToList();
            Assert.Equal(jobs, claimed.Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var s in stores) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task Last_occurrences_of_many_jobs_come_in_one_call_and_a_job_that_never_ran_is_absent()
    {
        var ledger = await LedgerAsync();
        await ledger.FinishAsync(await ClaimAsync(ledger, "db", 0), RunOutcome.Succeeded, Now, null);
        await ClaimAsync(ledger, "db", 3, "node-b");
        Assert.True(await ledger.RecordSkippedAsync("files", T0.AddHours(2), "node-a", Now, "skip"));

        var last = await ledger.LastOccurrencesAsync(["db", "files", "never"]);

        Assert.Equal(2, last.Count);
        Assert.Equal(T0.AddHours(3), last["db"]);
        Assert.Equal(T0.AddHours(2), last["files"]);
        Assert.Equal(await ledger.LastOccurrenceAsync("db"), last["db"]);
        Assert.Empty(await ledger.LastOccurrencesAsync([]));
    }
}
