using Jaga.Core.Journal.Events.Plan;
using Jaga.Core.Journal.Events.Updates;
using Jaga.Core.Ports;
using Jaga.Engine.Readiness;

namespace Jaga.Readiness.Tests;

/// <summary>The maintenance journal records a change for each significant entry it writes, in a real SQLite store, keyed on the
/// entry's kind: the pillars that write them do not change.</summary>
public sealed class JournalChangeRecordsTests : IAsyncDisposable
{
    private readonly ReadinessProject project = new();

    [Fact]
    public async Task A_major_update_written_to_the_journal_becomes_a_change_covering_its_entry_and_a_minor_one_does_not()
    {
        var plan = project.Load(ReadinessProject.Plan());
        var store = await project.StoreAsync(plan);
        var journal = ReadinessProject.Journal(store, plan, project.Clock);

        var minor = await journal.RecordAsync(new UpdateApplied("express==4.19.0") { Data = Data("minor", "4.19.0") });
        var major = await journal.RecordAsync(new UpdateApplied("express==5.0.0") { Data = Data("major", "5.0.0") });

        var change = Assert.Single(await store.Changes.ListAsync(unreviewed: true, 10));
        Assert.Equal(ChangeKind.MajorUpdate, change.Kind);
        Assert.Equal([major.Seq], change.Covers);
        Assert.Equal("budi", change.Author);
        Assert.Equal(major.Message, change.What);
        Assert.NotEqual(minor.Seq, major.Seq);
    }

    [Fact]
    public async Task A_plan_change_is_recorded_only_when_it_says_what_makes_it_significant()
    {
        var plan = project.Load(ReadinessProject.Plan());
        var store = await project.StoreAsync(plan);
        var journal = ReadinessProject.Journal(store, plan, project.Clock);

        await journal.RecordAsync(new PlanChanged("aaa", "bbb", "monitoring") { Data = new Dictionary<string, string> { ["new_sha256"] = "bbb", ["significant"] = "" } });
        var significant = await journal.RecordAsync(new PlanChanged("bbb", "ccc", "backup (changed: db)")
        {
            Data = new Dictionary<string, string> { ["new_sha256"] = "ccc", ["significant"] = "retention: db" },
        });

        var change = Assert.Single(await store.Changes.ListAsync(unreviewed: false, 10));
        Assert.Equal((ChangeKind.Plan, "plan:ccc"), (change.Kind, change.Subject));
        Assert.Equal([significant.Seq], change.Covers);
    }

    [Fact]
    public async Task A_change_reviewed_before_is_requested_once_refused_until_reviewed_by_someone_else_then_carried_out_once()
    {
        var plan = project.Load(ReadinessProject.Plan());
        var store = await project.StoreAsync(plan);
        var journal = ReadinessProject.Journal(store, plan, project.Clock);

        var first = await ReviewGate.PassAsync(journal, ChangeKind.Runbook, "runbook:failover", "runbook failover run by hand", "budi", default);
        var second = await ReviewGate.PassAsync(journal, ChangeKind.Runbook, "runbook:failover", "runbook failover run by hand", "budi", default);

        Assert.False(first.Passed);
        Assert.False(second.Passed);
        Assert.Equal(first.Change.Id, second.Change.Id);
        Assert.Equal(ChangeReviewOutcome.ByAuthor, await store.Changes.ReviewAsync(first.Change.Id, new ChangeReview("budi", project.Clock.GetUtcNow(), "mine", 99)));
        Assert.Equal(ChangeReviewOutcome.Reviewed, await store.Changes.ReviewAsync(first.Change.Id, new ChangeReview("sari", project.Clock.GetUtcNow(), "ok", 100)));

        var third = await ReviewGate.PassAsync(journal, ChangeKind.Runbook, "runbook:failover", "runbook failover run by hand", "budi", default);
        var fourth = await ReviewGate.PassAsync(journal, ChangeKind.Runbook, "runbook:failover", "runbook failover run by hand", "budi", default);

        Assert.True(third.Passed);
        Assert.Equal(first.Change.Id, third.Change.Id);
        Assert.False(fourth.Passed);
        Assert.NotEqual(first.Change.Id, fourth.Change.Id);
        var requests = new List<string>();
        await foreach (var e in store.ReadAsync()) if (e.Kind == "change.request") requests.Add(e.Message);
        Assert.Equal(3, requests.Count);
    }

    private static Dictionary<string, string> Data(string kind, string to) => new()
    {
        ["ecosystem"] = "npm",
        ["name"] = "express",
        ["from"] = "4.18.2",
        ["to"] = to,
        ["kind"] = kind,
    };

    public ValueTask DisposeAsync() => project.DisposeAsync();
}
