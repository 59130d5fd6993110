using Jaga.Core.Journal.Events.Updates;
using Jaga.Core.Ports;
using Jaga.Engine.Readiness;

namespace Jaga.Readiness.Tests;

/// <summary>A review is recorded only once the store has accepted it: a refused one (by the author, of a change reviewed
/// already, of no change) writes no maintenance-log line and no audit entry; the accepted one writes one of each, named in
/// the store. Real SQLite store and journal.</summary>
public sealed class ChangeReviewsTests : IAsyncDisposable
{
    private readonly ReadinessProject project = new();

    [Fact]
    public async Task A_refused_review_leaves_no_log_line_nor_audit_entry_and_the_accepted_one_is_named_by_its_entry()
    {
        var plan = project.Load(ReadinessProject.Plan());
        var store = await project.StoreAsync(plan);
        var journal = ReadinessProject.Journal(store, plan, project.Clock);
        await journal.RecordAsync(new UpdateApplied("express==5.0.0")
        {
            Data = new Dictionary<string, string> { ["ecosystem"] = "npm", ["name"] = "express", ["from"] = "4.21.0", ["to"] = "5.0.0", ["kind"] = "major" },
        });
        var change = Assert.Single(await store.Changes.ListAsync(unreviewed: true, 10));
        string Log() => File.ReadAllText(journal.LogPath);
        async Task<long> HeadAsync() => (await store.HeadAsync())!.Seq;
        var (log, head) = (Log(), await HeadAsync());

        var byAuthor = await ChangeReviews.ReviewAsync(journal, change.Id, " BUDI ", "mine", project.Clock, default);
        var unknown = await ChangeReviews.ReviewAsync(journal, change.Id + 5, "sari", "which?", project.Clock, default);

        Assert.Equal(ChangeReviewOutcome.ByAuthor, byAuthor.Outcome);
        Assert.Null(byAuthor.Entry);
        Assert.Equal(ChangeReviewOutcome.NotFound, unknown.Outcome);
        Assert.Null(unknown.Entry);
        Assert.Equal(log, Log());
        Assert.Equal(head, await HeadAsync());

        var reviewed = await ChangeReviews.ReviewAsync(journal, change.Id, "sari", "changelog read", project.Clock, default);
        var (afterLog, afterHead) = (Log(), await HeadAsync());
        var again = await ChangeReviews.ReviewAsync(journal, change.Id, "eko", "me too", project.Clock, default);

        Assert.Equal(ChangeReviewOutcome.Reviewed, reviewed.Outcome);
        Assert.Equal(head + 1, afterHead);
        Assert.Equal(afterHead, reviewed.Entry!.Seq);
        Assert.Equal(afterHead, reviewed.Change!.Review!.Seq);
        Assert.Equal(afterHead, (await store.Changes.GetAsync(change.Id))!.Review!.Seq);
        Assert.Single(afterLog[log.Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(ChangeReviewOutcome.AlreadyReviewed, again.Outcome);
        Assert.Null(again.Entry);
        Assert.Equal(afterLog, Log());
        Assert.Equal(afterHead, await HeadAsync());
        Assert.Equal("sari", (await store.Changes.GetAsync(change.Id))!.Review!.By);
    }

    public ValueTask DisposeAsync() => project.DisposeAsync();
}
