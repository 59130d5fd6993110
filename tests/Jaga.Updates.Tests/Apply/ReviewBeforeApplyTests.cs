using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Versions;
using Jaga.Engine.Updates.Apply;

namespace Jaga.Updates.Tests.Apply;

/// <summary><c>update.review</c> on a real small Python project whose test is a real script, with a real SQLite store: a
/// new major version reviewed before waits for someone other than who asked; reviewed after, it is applied and listed.</summary>
[Trait("Category", "Integration")]
public sealed class ReviewBeforeApplyTests
{
    private const string Requirements = "requests==2.31.0\nflask==2.3.0\n";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static async Task<UpdateWorkspace> ProjectAsync(string review)
    {
        var w = await UpdateWorkspace.CreateAsync(sections: $"update: {{ review: {review} }}\n");
        w.Write("requirements.txt", Requirements);
        w.Write("test.py", "print('3 passed')\n");
        return w;
    }

    [Fact]
    public async Task With_review_before_a_major_update_is_held_until_someone_else_reviews_it_then_applied_once()
    {
        await using var w = await ProjectAsync("before");
        var flask = w.Update(Ecosystem.PyPI, "requirements.txt", "flask", "flask==", "2.3.0", "3.0.3", UpdateKind.Major);
        var requests = w.Update(Ecosystem.PyPI, "requirements.txt", "requests", "requests==", "2.31.0", "2.32.3", UpdateKind.Minor);
        var applier = new UpdateApplier(w.Journal, TimeProvider.System) { Review = ReviewTiming.Before };
        var changes = w.Journal.Store.Changes;

        var first = await applier.ApplyAsync(w.Root, [new UpdateGroup("auto", [flask, requests])], "python3 test.py", Timeout);
        var request = Assert.Single(await changes.ListAsync(unreviewed: true, 10));

        Assert.Equal([UpdateResult.Skipped, UpdateResult.Applied], first.Select(o => o.Result));
        Assert.Equal($"a new major version is reviewed before it is applied (update.review: before): change {request.Id} awaits review by someone other than test; after jaga changes review {request.Id} --by NAME --note …, apply again",
            first[0].Reason);
        Assert.Equal("requests==2.32.3\nflask==2.3.0\n", w.Read("requirements.txt"));
        Assert.Equal((ChangeKind.MajorUpdate, "update:pypi:flask==3.0.3", "test", false), (request.Kind, request.Subject, request.Author, request.Applied));
        Assert.Equal("dependency flask updated from 2.3.0 to 3.0.3, a new major version", request.What);

        // Asked again before the review: still held, and still the one request.
        var again = Assert.Single(await applier.ApplyAsync(w.Root, [new UpdateGroup("major", [flask])], "python3 test.py", Timeout));
        Assert.Equal(UpdateResult.Skipped, again.Result);
        Assert.Single(await changes.ListAsync(unreviewed: false, 10));

        Assert.Equal(ChangeReviewOutcome.ByAuthor, await changes.ReviewAsync(request.Id, new ChangeReview("Test", DateTimeOffset.UnixEpoch, "mine", null)));
        Assert.Equal(ChangeReviewOutcome.Reviewed, await changes.ReviewAsync(request.Id, new ChangeReview("sari", DateTimeOffset.UnixEpoch, "changelog read", null)));
        var applied = Assert.Single(await applier.ApplyAsync(w.Root, [new UpdateGroup("major", [flask])], "python3 test.py", Timeout));

        Assert.Equal(UpdateResult.Applied, applied.Result);
        Assert.Equal("requests==2.32.3\nflask==3.0.3\n", w.Read("requirements.txt"));
        var all = await changes.ListAsync(unreviewed: false, 10);
        var done = Assert.Single(all);
        Assert.True(done.Applied);
        Assert.Empty(await changes.ListAsync(unreviewed: true, 10));
        Assert.Contains("[INFO] Update dependency: flask==3.0.3", w.Lines());
    }

    [Fact]
    public async Task With_review_after_a_major_update_is_applied_and_listed_as_pending_review()
    {
        await using var w = await ProjectAsync("after");
        var flask = w.Update(Ecosystem.PyPI, "requirements.txt", "flask", "flask==", "2.3.0", "3.0.3", UpdateKind.Major);

        var outcome = Assert.Single(await w.Applier().ApplyAsync(w.Root, [new UpdateGroup("major", [flask])], "python3 test.py", Timeout));

        Assert.Equal(UpdateResult.Applied, outcome.Result);
        var pending = Assert.Single(await w.Journal.Store.Changes.ListAsync(unreviewed: true, 10));
        Assert.Equal((ChangeKind.MajorUpdate, "update:pypi:flask==3.0.3", true), (pending.Kind, pending.Subject, pending.Applied));
        var entry = (await w.EntriesAsync()).Single(e => e.Kind == "update.apply");
        Assert.Equal([entry.Seq], pending.Covers);
    }
}
