using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>The ledger under contention: many stores (each with its own connections, as separate nodes have) racing.</summary>
public abstract partial class JobLedgerContract
{
    private const int Racers = 8;
    private const int Rounds = 20;

    private async Task<IJobRuns[]> RacersAsync() => (await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => OpenAsync()))).Select(s => s.Runs).ToArray();

    [Fact]
    public async Task Only_one_of_many_concurrent_claimers_gets_an_occurrence()
    {
        var ledgers = await RacersAsync();

        var results = await Task.WhenAll(ledgers.Select((ledger, i) => Task.Run(async () =>
        {
            var mine = new List<(int Round, ClaimResult Result)>();
            for (var round = 0; round < Rounds; round++)
                mine.Add((round, (await ledger.TryClaimAsync($"job-{round}", T0, $"node-{i}", Now, Lease)).Result));
            return mine;
        })));

        foreach (var round in Enumerable.Range(0, Rounds))
        {
            var outcomes = results.Select(r => r.Single(x => x.Round == round).Result).ToList();
            Assert.Equal(1, outcomes.Count(r => r == ClaimResult.Claimed));
            Assert.Equal(Racers - 1, outcomes.Count(r => r == ClaimResult.Taken));
            Assert.Single(await ledgers[0].HistoryAsync($"job-{round}", 10));
        }
    }

    [Fact]
    public async Task Of_different_occurrences_of_one_job_claimed_at_once_only_one_is_claimed_and_the_rest_are_busy()
    {
        var ledgers = await RacersAsync();

        // Each racer claims its own occurrence of each job, so the occurrence check never decides: only the busy check can.
        var results = await Task.WhenAll(ledgers.Select((ledger, i) => Task.Run(async () =>
        {
            var mine = new List<(int Round, ClaimResult Result)>();
            for (var round = 0; round < Rounds; round++)
                mine.Add((round, (await ledger.TryClaimAsync($"job-{round}", T0.AddHours(i), $"node-{i}", Now, Lease)).Result));
            return mine;
        })));

        foreach (var round in Enumerable.Range(0, Rounds))
        {
            var outcomes = results.Select(r => r.Single(x => x.Round == round).Result).ToList();
            Assert.Equal(1, outcomes.Count(r => r == ClaimResult.Claimed));
            Assert.Equal(Racers - 1, outcomes.Count(r => r == ClaimResult.Busy));
            Assert.Single(await ledgers[0].HistoryAsync($"job-{round}", 10));
        }
    }

    [Fact]
    public async Task Only_one_of_several_concurrent_declarers_declares_a_run_lost_and_gets_attempt_2()
    {
        var ledgers = await RacersAsync();
        var runs = new List<JobRun>();
        for (var round = 0; round < Rounds; round++) runs.Add(await ClaimAsync(ledgers[0], $"job-{round}", 0, "node-dead"));
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var results = await Task.WhenAll(ledgers.Select((ledger, i) => Task.Run(async () =>
        {
            var mine = new List<(bool Declared, JobRun? Retry)>();
            foreach (var run in runs) mine.Add(await ledger.DeclareLostAsync(run, $"node-{i}", Now, Lease, retry: true, "lease expired"));
            return mine;
        })));

        for (var round = 0; round < Rounds; round++)
        {
            var outcomes = results.Select(r => r[round]).ToList();
            var (_, retry) = Assert.Single(outcomes, o => o.Declared);
            Assert.All(outcomes.Where(o => !o.Declared), o => Assert.Null(o.Retry));
            Assert.Equal((runs[round].Occurrence, 2, RunOutcome.Running), (retry!.Occurrence, retry.Attempt, retry.Outcome));
            var history = await ledgers[0].HistoryAsync(runs[round].Job, 10);
            Assert.Equal([retry, runs[round] with { Outcome = RunOutcome.Lost, FinishedAt = Now, Detail = "lease expired" }], history);
        }
    }

    [Fact]
    public async Task A_claim_and_a_retry_of_one_job_racing_never_leave_two_runs_of_it_running()
    {
        var ledgers = await RacersAsync();
        var runs = new List<JobRun>();
        for (var round = 0; round < Rounds; round++) runs.Add(await ClaimAsync(ledgers[0], $"job-{round}", 0, "node-dead"));
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        // Half the racers claim the next occurrence while the other half declare the expired one lost with a retry.
        await Task.WhenAll(ledgers.Select((ledger, i) => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                if (i % 2 == 0) await ledger.TryClaimAsync($"job-{round}", T0.AddHours(1), $"node-{i}", Now, Lease);
                else await ledger.DeclareLostAsync(runs[round], $"node-{i}", Now, Lease, retry: true, "lease expired");
            }
        })));

        for (var round = 0; round < Rounds; round++)
        {
            var history = await ledgers[0].HistoryAsync($"job-{round}", 10);
            Assert.Single(history, r => r.Outcome == RunOutcome.Running);
            Assert.Single(history, r => r.Outcome == RunOutcome.Lost);
        }
    }

    [Fact]
    public async Task Claims_and_skips_of_one_occurrence_racing_leave_one_record_and_a_claim_only_when_it_is_that_record()
    {
        var ledgers = await RacersAsync();

        // A skip takes no lock; the unique key alone keeps it and a claim from both recording the occurrence.
        var claims = await Task.WhenAll(ledgers.Select((ledger, i) => Task.Run(async () =>
        {
            var mine = new List<(int Round, ClaimResult Result)>();
            for (var round = 0; round < Rounds; round++)
            {
                if (i % 2 == 0) mine.Add((round, (await ledger.TryClaimAsync($"job-{round}", T0, $"node-{i}", Now, Lease)).Result));
                else await ledger.RecordSkippedAsync($"job-{round}", T0, $"node-{i}", Now, "catch_up: skip");
            }
            return mine;
        })));

        for (var round = 0; round < Rounds; round++)
        {
            var record = Assert.Single(await ledgers[0].HistoryAsync($"job-{round}", 10));
            var claimed = claims.SelectMany(c => c).Count(c => c.Round == round && c.Result == ClaimResult.Claimed);
            Assert.Equal(record.Outcome == RunOutcome.Running ? 1 : 0, claimed);
        }
    }
}
