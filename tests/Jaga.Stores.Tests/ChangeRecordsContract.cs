using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>What every store's <see cref="IChangeRecords"/> and <see cref="IChecklistAcks"/> promise, written once and run
/// against each adapter: a change keeps what, who, when and the audit entries it covers; the lines of one act are one record;
/// a review is by someone other than the author and never replaced; a request waits for its review and is carried out once.</summary>
public abstract class ChangeRecordsContract : StoreContract
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    private ChangeDraft Draft(ChangeKind kind, string subject, long seq, string author = "budi", string? group = null) =>
        new(kind, subject, $"{kind} of {subject}", author, Now, seq, Group: group);

    private ChangeReview Review(string by, long seq) => new(by, Now, "checked the destinations", seq);

    [Fact]
    public async Task A_recorded_change_keeps_every_field_and_awaits_review()
    {
        var changes = (await OpenAsync()).Changes;
        Clock.Advance(TimeSpan.FromTicks(12_345)); // sub-millisecond ticks, which the stores drop
        var ms = Now.AddTicks(-(Now.UtcTicks % TimeSpan.TicksPerMillisecond));

        var made = await changes.RecordAsync(Draft(ChangeKind.Plan, "plan:abc", 7));

        var expected = new ChangeRecord(made.Id, ChangeKind.Plan, "plan:abc", "Plan of plan:abc", "budi", ms, [7], true, null);
        Assert.Equal(expected, made);
        Assert.Equal(expected, await changes.GetAsync(made.Id));
        Assert.Equal([expected], await changes.ListAsync(unreviewed: true, 10));
        Assert.Null(await changes.GetAsync(made.Id + 100));
    }

    [Fact]
    public async Task Drafts_of_one_group_are_one_record_covering_each_entry_in_order()
    {
        var changes = (await OpenAsync()).Changes;

        await changes.RecordAsync(Draft(ChangeKind.Migration, "migration:r1", 3, group: "migration:r1"));
        await changes.RecordAsync(Draft(ChangeKind.Migration, "migration:r1", 5, group: "migration:r1"));
        await changes.RecordAsync(Draft(ChangeKind.Migration, "migration:r2", 6, group: "migration:r2"));
        await changes.RecordAsync(Draft(ChangeKind.MajorUpdate, "update:x", 8));

        var all = await changes.ListAsync(unreviewed: false, 10);
        Assert.Equal(["update:x", "migration:r2", "migration:r1"], all.Select(c => c.Subject));
        Assert.Equal([3, 5], all[2].Covers);
        Assert.Equal(["update:x"], (await changes.ListAsync(unreviewed: false, 1)).Select(c => c.Subject));
    }

    [Fact]
    public async Task A_review_by_someone_else_is_kept_and_never_replaced_and_the_author_cannot_review()
    {
        var changes = (await OpenAsync()).Changes;
        var change = await changes.RecordAsync(Draft(ChangeKind.Restore, "runbook-run:ab12", 4, author: "budi"));

        Assert.Equal(ChangeReviewOutcome.ByAuthor, await changes.ReviewAsync(change.Id, Review(" Budi ", 5)));
        Assert.Equal(ChangeReviewOutcome.Reviewed, await changes.ReviewAsync(change.Id, Review("sari", 6)));
        Assert.Equal(ChangeReviewOutcome.AlreadyReviewed, await changes.ReviewAsync(change.Id, Review("eko", 7)));
        Assert.Equal(ChangeReviewOutcome.NotFound, await changes.ReviewAsync(change.Id + 1, Review("eko", 8)));

        Assert.Equal(Review("sari", 6), (await changes.GetAsync(change.Id))!.Review);
        Assert.Empty(await changes.ListAsync(unreviewed: true, 10));
        Assert.Single(await changes.ListAsync(unreviewed: false, 10));
    }

    [Fact]
    public async Task A_review_accepted_without_its_entry_is_given_it_once_and_a_change_not_reviewed_gets_none()
    {
        var changes = (await OpenAsync()).Changes;
        var change = await changes.RecordAsync(Draft(ChangeKind.Restore, "runbook-run:cd34", 4));
        var other = await changes.RecordAsync(Draft(ChangeKind.Restore, "runbook-run:ef56", 5));

        Assert.Equal(ChangeReviewOutcome.Reviewed, await changes.ReviewAsync(change.Id, new ChangeReview("sari", Now, "ok", null)));
        Assert.Null((await changes.GetAsync(change.Id))!.Review!.Seq);
        await changes.NoteReviewEntryAsync(change.Id, 9);
        await changes.NoteReviewEntryAsync(change.Id, 10);
        await changes.NoteReviewEntryAsync(other.Id, 11);

        Assert.Equal(9, (await changes.GetAsync(change.Id))!.Review!.Seq);
        Assert.Null((await changes.GetAsync(other.Id))!.Review);
    }

    [Fact]
    public async Task A_request_is_made_once_per_subject_and_carried_out_only_after_its_review_and_only_once()
    {
        var changes = (await OpenAsync()).Changes;
        var runbook = Draft(ChangeKind.Runbook, "runbook:restore-db", 10) with { Applied = true };

        var (first, created) = await changes.RequestAsync(runbook);
        var (again, createdAgain) = await changes.RequestAsync(runbook with { Covers = 11 });

        Assert.True(created);
        Assert.False(first.Applied);
        Assert.False(createdAgain);
        Assert.Equal(first, again);
        Assert.Null(await changes.TakeReviewedAsync("runbook:restore-db"));

        Assert.Equal(ChangeReviewOutcome.Reviewed, await changes.ReviewAsync(first.Id, Review("sari", 13)));
        var taken = await changes.TakeReviewedAsync("runbook:restore-db");

        Assert.NotNull(taken);
        Assert.True(taken.Applied);
        Assert.Equal([10], taken.Covers);
        Assert.Equal(first.Id, taken.Id);
        Assert.Null(await changes.TakeReviewedAsync("runbook:restore-db"));
        // Carried out, the next run asks again.
        Assert.True((await changes.RequestAsync(runbook with { Covers = 16 })).Created);
    }

    [Fact]
    public async Task Requests_from_several_stores_at_once_make_one_record_and_one_taker_carries_it_out()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OpenAsync()));
        var draft = Draft(ChangeKind.Runbook, "runbook:failover", 1);

        var requests = await Task.WhenAll(stores.SelectMany(s => Enumerable.Range(0, 3).Select(_ => s.Changes.RequestAsync(draft))));

        Assert.Single(requests, r => r.Created);
        Assert.Single(requests.Select(r => r.Request.Id).Distinct());
        await stores[0].Changes.ReviewAsync(requests[0].Request.Id, Review("sari", 2));
        var takers = await Task.WhenAll(stores.Select(s => s.Changes.TakeReviewedAsync("runbook:failover")));
        Assert.Single(takers, t => t is not null);
    }

    [Fact]
    public async Task The_latest_acknowledgement_of_each_checklist_point_is_read()
    {
        var acks = (await OpenAsync()).Checklist;
        Assert.Empty(await acks.LatestAsync());

        await acks.AcknowledgeAsync(new ChecklistAck("security", "budi", Now, "rate limiting in nginx", 3));
        Clock.Advance(TimeSpan.FromHours(1));
        await acks.AcknowledgeAsync(new ChecklistAck("folders", "sari", Now, "src and tests split", 4));
        await acks.AcknowledgeAsync(new ChecklistAck("security", "eko", Now, "input validation reviewed", 5));

        Assert.Equal(
            [new ChecklistAck("folders", "sari", Now, "src and tests split", 4), new ChecklistAck("security", "eko", Now, "input validation reviewed", 5)],
            await acks.LatestAsync());
    }

    [Fact]
    public async Task A_store_at_version_6_is_migrated_to_version_7_keeping_its_security_findings()
    {
        var old = await OpenAsync();
        await old.Security.RecordAsync(new SecurityReading(SecurityFindingSource.Dependency, "", Now, true,
            [new SecurityFindingSeen("npm", "lodash", "4.17.20", "GHSA-35jh-r3h4-6jhm", Core.Updates.Advisories.Severity.Critical, null)]));
        var before = await old.MigrationsAsync();
        // What a store written by a Jaga before change records looks like.
        await ExecuteSqlAsync("DROP TABLE change_records; DROP TABLE checklist_acks; DELETE FROM jaga_schema WHERE version = 7;");
        Clock.Advance(TimeSpan.FromDays(30));

        var store = await OpenAsync();

        Assert.Equal([.. before.Take(6), new AppliedMigration(7, before[6].Name, Now), .. before.Skip(7)], await store.MigrationsAsync());
        Assert.Single(await store.Security.PendingAsync());
        await store.Changes.RecordAsync(Draft(ChangeKind.Plan, "plan:x", 1));
        Assert.Single(await store.Changes.ListAsync(unreviewed: true, 10));
    }
}
