using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>What every store's Emergency records (<see cref="IRunbookRuns"/>, <see cref="IIncidents"/>, <see cref="IDrills"/>)
/// promise, written once and run against each adapter: runs and their driver's lease, take-overs for a resume, one run per
/// incident and runbook, step attempts, approvals by different people, incidents with one open per key, and drills.</summary>
/// <remarks>Steps and approvals, incidents and drills, and the races and the migration are in the other parts of this class.</remarks>
public abstract partial class EmergencyContract : StoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static readonly Dictionary<string, string> Parameters = new()
    {
        ["service"] = "api",
        ["note"] = "quotes \" and a backslash \\, emoji 🚑, Bahasa: pemulihan",
    };

    /// <summary>Runs a query on the store's database directly and returns the first column of its first row.</summary>
    protected abstract Task<object?> ScalarAsync(string sql);

    private DateTimeOffset Now => Clock.GetUtcNow();

    private async Task<IRunbookRuns> RunsAsync() => (await OpenAsync()).Runbooks;

    private static RunbookRunStart Start(string id = "0000000a", string runbook = "restart", long? incident = null, string by = "alice") =>
        new(id, runbook, Parameters, incident is null ? "manual" : "check:api", incident, by);

    /// <summary>Runs compare their parameters by reference: the same run has equal fields and the same parameters.</summary>
    private static void AssertSame(RunbookRun expected, RunbookRun? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Parameters = Parameters }, actual with { Parameters = Parameters });
        Assert.Equal(expected.Parameters.OrderBy(p => p.Key), actual.Parameters.OrderBy(p => p.Key));
    }

    private static DateTimeOffset Ms(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    [Fact]
    public async Task A_started_run_is_running_on_its_node_under_a_lease_and_reads_back_equal_with_its_parameters()
    {
        var runs = await RunsAsync();
        Clock.Advance(TimeSpan.FromTicks(12_345_678)); // sub-millisecond ticks, which the store drops

        var run = await runs.StartAsync(Start(), "node-a", Now, Lease);

        var expected = new RunbookRun("0000000a", "restart", Parameters, "manual", null, "alice", Ms(Now), RunbookRunStatus.Running,
            null, null, "node-a", Ms(Now) + Lease);
        AssertSame(expected, run);
        AssertSame(expected, await runs.GetAsync("0000000a"));
        Assert.Null(await runs.GetAsync("0000000b"));
        Assert.Equal("running", await ScalarAsync("SELECT status FROM runbook_runs WHERE id = '0000000a'"));
    }

    [Theory]
    [InlineData("ABCDEF12")]
    [InlineData("abcdef1")]
    [InlineData("abcdef123")]
    [InlineData("0000000g")]
    [InlineData("")]
    public async Task A_run_id_that_is_not_eight_lower_case_hex_digits_is_refused(string id)
    {
        var runs = await RunsAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => runs.StartAsync(Start(id), "node-a", Now, Lease));
        Assert.Empty(await runs.ListAsync(null, 10));
    }

    [Fact]
    public async Task A_run_id_already_taken_is_refused_and_the_first_run_is_left_as_it_was()
    {
        var runs = await RunsAsync();
        var first = await runs.StartAsync(Start(), "node-a", Now, Lease);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => runs.StartAsync(Start(runbook: "restore", by: "bob"), "node-b", Now, Lease));

        Assert.Contains("0000000a exists", e.Message, StringComparison.Ordinal);
        AssertSame(first, Assert.Single(await runs.ListAsync(null, 10)));
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_for_one_runbook_or_all_up_to_the_limit()
    {
        var runs = await RunsAsync();
        await runs.StartAsync(Start("00000001", "restart"), "node-a", Now, Lease);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await runs.StartAsync(Start("00000002", "restore"), "node-a", Now, Lease);
        await runs.StartAsync(Start("00000003", "restart"), "node-a", Now, Lease); // the same millisecond: recorded later

        Assert.Equal(["00000003", "00000002", "00000001"], (await runs.ListAsync(null, 10)).Select(r => r.Id));
        Assert.Equal(["00000003", "00000001"], (await runs.ListAsync("restart", 10)).Select(r => r.Id));
        Assert.Equal(["00000003", "00000002"], (await runs.ListAsync(null, 2)).Select(r => r.Id));
        Assert.Empty(await runs.ListAsync("nosuch", 10));
    }

    [Fact]
    public async Task Only_the_driving_node_moves_an_active_run_and_an_ended_status_sets_the_end_after_which_nothing_moves_it()
    {
        var runs = await RunsAsync();
        var run = await runs.StartAsync(Start(), "node-a", Now, Lease);

        Assert.True(await runs.SetStatusAsync(run.Id, "node-a", RunbookRunStatus.WaitingApproval, Now, "step 2 waits for 2 approvals"));
        AssertSame(run with { Status = RunbookRunStatus.WaitingApproval, Detail = "step 2 waits for 2 approvals" }, await runs.GetAsync(run.Id));
        Assert.False(await runs.SetStatusAsync(run.Id, "node-b", RunbookRunStatus.Cancelled, Now, "not mine"));
        Assert.True(await runs.SetStatusAsync(run.Id, "node-a", RunbookRunStatus.Running, Now, null));
        Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.True(await runs.SetStatusAsync(run.Id, "node-a", RunbookRunStatus.Failed, Now, "step 3 (restart) exited with 1"));

        var failed = run with { Status = RunbookRunStatus.Failed, EndedAt = Now, Detail = "step 3 (restart) exited with 1" };
        AssertSame(failed, await runs.GetAsync(run.Id));
        Assert.False(await runs.SetStatusAsync(run.Id, "node-a", RunbookRunStatus.Succeeded, Now, null));
        Assert.False(await runs.RenewAsync(run.Id, "node-a", Now, Lease));
        AssertSame(failed, await runs.GetAsync(run.Id));
    }

    [Theory]
    [InlineData(RunbookRunStatus.Succeeded)]
    [InlineData(RunbookRunStatus.Interrupted)]
    [InlineData(RunbookRunStatus.Cancelled)]
    public async Task Every_ended_status_sets_the_end(RunbookRunStatus status)
    {
        var runs = await RunsAsync();
        var run = await runs.StartAsync(Start(), "node-a", Now, Lease);
        Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(await runs.SetStatusAsync(run.Id, "node-a", status, Now, "why"));

        AssertSame(run with { Status = status, EndedAt = Now, Detail = "why" }, await runs.GetAsync(run.Id));
    }

    [Fact]
    public async Task The_driving_node_renews_the_lease_of_an_active_run_and_no_other_node_can()
    {
        var runs = await RunsAsync();
        var run = await runs.StartAsync(Start(), "node-a", Now, Lease);
        Clock.Advance(Lease + TimeSpan.FromSeconds(1)); // expired but not taken over: still its driver's

        Assert.True(await runs.RenewAsync(run.Id, "node-a", Now, Lease));
        Assert.False(await runs.RenewAsync(run.Id, "node-b", Now, Lease * 10));
        Assert.False(await runs.RenewAsync("0000000f", "node-a", Now, Lease));

        AssertSame(run with { LeaseUntil = Now + Lease }, await runs.GetAsync(run.Id));
        await runs.SetStatusAsync(run.Id, "node-a", RunbookRunStatus.WaitingApproval, Now, null);
        Assert.True(await runs.RenewAsync(run.Id, "node-a", Now + Lease, Lease));
    }

    [Theory]
    [InlineData(RunbookRunStatus.Failed)]
    [InlineData(RunbookRunStatus.Interrupted)]
    [InlineData(RunbookRunStatus.WaitingApproval)]
    public async Task A_failed_interrupted_or_waiting_run_is_taken_over_running_again_for_the_new_node_whose_lease_the_old_one_loses(RunbookRunStatus status)
    {
        var runs = await RunsAsync();
        var run = await runs.StartAsync(Start(), "node-a", Now, Lease);
        await runs.SetStatusAsync(run.Id, "node-a", status, Now, "before the resume");
        Clock.Advance(TimeSpan.FromSeconds(10)); // the old lease is still live

        var taken = await runs.TryTakeOverAsync(run.Id, "node-b", Now, Lease);

        var expected = run with { Node = "node-b", LeaseUntil = Now + Lease };
        AssertSame(expected, taken);
        AssertSame(expected, await runs.GetAsync(run.Id));
        Assert.False(await runs.RenewAsync(run.Id, "node-a", Now, Lease));
        Assert.False(await runs.SetStatusAsync(run.Id, "node-a", RunbookRunStatus.Succeeded, Now, null));
        Assert.True(await runs.RenewAsync(run.Id, "node-b", Now, Lease));
    }

    [Fact]
    public async Task A_running_run_is_taken_over_only_once_its_drivers_lease_has_expired()
    {
        var runs = await RunsAsync();
        var run = await runs.StartAsync(Start(), "node-a", Now, Lease);

        Assert.Null(await runs.TryTakeOverAsync(run.Id, "node-b", Now, Lease));
        Clock.Advance(Lease); // the lease ends now: still live
        Assert.Null(await runs.TryTakeOverAsync(run.Id, "node-b", Now, Lease));
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        AssertSame(run with { Node = "node-b", LeaseUntil = Now + Lease }, await runs.TryTakeOverAsync(run.Id, "node-b", Now, Lease));
        Assert.Null(await runs.TryTakeOverAsync(run.Id, "node-c", Now, Lease));
        Assert.Null(await runs.TryTakeOverAsync("0000000f", "node-c", Now, Lease));
    }

    [Theory]
    [InlineData(RunbookRunStatus.Succeeded)]
    [InlineData(RunbookRunStatus.Cancelled)]
    public async Task A_run_that_succeeded_or_was_cancelled_is_never_taken_over(RunbookRunStatus status)
    {
        var runs = await RunsAsync();
        var run = await runs.StartAsync(Start(), "node-a", Now, Lease);
        await runs.SetStatusAsync(run.Id, "node-a", status, Now, null);
        Clock.Advance(Lease * 10);

        Assert.Null(await runs.TryTakeOverAsync(run.Id, "node-b", Now, Lease));
        Assert.Equal(status, (await runs.GetAsync(run.Id))!.Status);
    }

    [Fact]
    public async Task An_incidents_runbook_starts_once_and_a_second_start_gets_the_first_run_while_other_runbooks_start()
    {
        var store = await OpenAsync();
        var (_, incident) = await store.Incidents.OpenAsync("check:api", "api is down", "alert", Now, "node-a");
        var (started, first) = await store.Runbooks.StartForIncidentAsync(Start("00000001", incident: incident.Id, by: "jaga"), "node-a", Now, Lease);
        Clock.Advance(TimeSpan.FromSeconds(1));

        var (again, existing) = await store.Runbooks.StartForIncidentAsync(Start("00000002", incident: incident.Id, by: "jaga"), "node-b", Now, Lease);
        var (other, rollback) = await store.Runbooks.StartForIncidentAsync(Start("00000003", "rollback", incident.Id), "node-b", Now, Lease);

        Assert.True(started);
        AssertSame(new RunbookRun("00000001", "restart", Parameters, "check:api", incident.Id, "jaga", first.StartedAt, RunbookRunStatus.Running,
            null, null, "node-a", first.StartedAt + Lease), first);
        Assert.False(again);
        AssertSame(first, existing);
        Assert.True(other);
        Assert.Equal(("rollback", incident.Id), (rollback.Runbook, rollback.IncidentId));
        Assert.Null(await store.Runbooks.GetAsync("00000002"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Runbooks.StartAsync(Start("00000004", incident: incident.Id), "node-a", Now, Lease));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Runbooks.StartForIncidentAsync(Start("00000005"), "node-a", Now, Lease));
        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.Runbooks.StartForIncidentAsync(Start("00000003", "restore", incident.Id), "node-a", Now, Lease));
        Assert.Contains("00000003 exists", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await store.Runbooks.ListAsync(null, 10)).Count);
    }
}
