using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>Runs of owned jobs (checks): recorded finished in one call, and of each job only the newest run and the newest
/// success kept.</summary>
public abstract partial class JobLedgerContract
{
    private OwnedRun Owned(string job, int minute, RunOutcome outcome, string node = "node-a", string? detail = null) =>
        new(job, T0.AddMinutes(minute), node, T0.AddMinutes(minute).AddMilliseconds(3), T0.AddMinutes(minute).AddMilliseconds(40), outcome, detail);

    private static JobRun AsRun(OwnedRun r, long id) =>
        new(id, r.Job, r.Occurrence, 1, r.Node, r.Started, r.Started, r.Finished, r.Outcome, r.Detail);

    [Fact]
    public async Task Owned_runs_are_recorded_finished_and_of_each_job_only_the_newest_run_and_newest_success_stay()
    {
        var ledger = await LedgerAsync();
        await ledger.RecordOwnedAsync([Owned("check:api", 0, RunOutcome.Succeeded), Owned("check:db", 0, RunOutcome.Succeeded, detail: "ok")]);
        await ledger.RecordOwnedAsync([Owned("check:api", 1, RunOutcome.Succeeded), Owned("check:api", 2, RunOutcome.Failed, detail: "down")]);
        await ledger.RecordOwnedAsync([Owned("check:api", 3, RunOutcome.Failed, node: "node-b", detail: "still down")]);

        var api = await ledger.HistoryAsync("check:api", 10);
        Assert.Equal(
            [AsRun(Owned("check:api", 3, RunOutcome.Failed, node: "node-b", detail: "still down"), api[0].Id), AsRun(Owned("check:api", 1, RunOutcome.Succeeded), api[1].Id)],
            api);
        Assert.Equal([AsRun(Owned("check:db", 0, RunOutcome.Succeeded, detail: "ok"), (await ledger.HistoryAsync("check:db", 10))[0].Id)], await ledger.HistoryAsync("check:db", 10));
        var summary = Assert.Single(await ledger.SummariesAsync(), s => s.Job == "check:api");
        Assert.Equal((T0.AddMinutes(3), RunOutcome.Failed, T0.AddMinutes(1)), (summary.Last.Occurrence, summary.Last.Outcome, summary.LastSuccess!.Occurrence));
        Assert.Equal(T0.AddMinutes(3), await ledger.LastOccurrenceAsync("check:api"));
    }

    [Fact]
    public async Task An_owned_run_replaces_a_finished_record_of_its_occurrence_but_never_a_running_claim()
    {
        var ledger = await LedgerAsync();
        await ledger.RecordOwnedAsync([Owned("check:api", 0, RunOutcome.Failed, detail: "first")]);
        await ledger.RecordOwnedAsync([Owned("check:api", 0, RunOutcome.Succeeded, node: "node-b", detail: "again")]);
        var replaced = Assert.Single(await ledger.HistoryAsync("check:api", 10));
        Assert.Equal((RunOutcome.Succeeded, "node-b", "again"), (replaced.Outcome, replaced.Node, replaced.Detail));

        var claim = await ClaimAsync(ledger, "check:db", 0);
        await ledger.RecordOwnedAsync([new OwnedRun("check:db", T0, "node-b", Now, Now, RunOutcome.Succeeded, null)]);
        await ledger.RecordOwnedAsync([Owned("check:db", 5, RunOutcome.Succeeded)]);
        var db = await ledger.HistoryAsync("check:db", 10);
        Assert.Equal(2, db.Count);
        Assert.Equal(claim, db[1]);
    }

    [Fact]
    public async Task Owned_runs_are_checked_finished_and_an_empty_call_writes_nothing()
    {
        var ledger = await LedgerAsync();
        await ledger.RecordOwnedAsync([]);
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.RecordOwnedAsync([Owned("check:api", 0, RunOutcome.Running)]));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.RecordOwnedAsync([Owned("check:api", 0, RunOutcome.Succeeded) with { Occurrence = T0.AddTicks(1) }]));
        Assert.Empty(await ledger.HistoryAsync(null, 10));
    }
}
