using Jaga.Core.Changes;
using Jaga.Core.Ports;
using Jaga.Engine.Readiness;

namespace Jaga.Readiness.Tests;

/// <summary>A review given before a runbook run approves that run only: the same runbook, parameters and requester, through
/// the review gate and a real SQLite store.</summary>
public sealed class RunbookReviewSubjectTests : IAsyncDisposable
{
    private readonly ReadinessProject project = new();

    private static Dictionary<string, string> Target(string target) => new(StringComparer.Ordinal) { ["target"] = target, ["drill"] = "no" };

    [Fact]
    public void The_subject_is_canonical_name_sorted_parameters_and_requester_with_separators_escaped()
    {
        var subject = ChangeSubjects.Runbook("restore-db", Target("staging"), " Ana ");

        Assert.Equal("runbook:restore-db(drill=no,target=staging)@ana", subject);
        Assert.Equal(subject, ChangeSubjects.Runbook("restore-db", new Dictionary<string, string> { ["target"] = "staging", ["drill"] = "no" }, "ana"));
        Assert.Equal("runbook:failover()@budi%40host", ChangeSubjects.Runbook("failover", new Dictionary<string, string>(), "budi@host"));
        // A value holding the separators cannot read as two parameters.
        Assert.NotEqual(
            ChangeSubjects.Runbook("r", new Dictionary<string, string> { ["a"] = "1,b=2" }, "ana"),
            ChangeSubjects.Runbook("r", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, "ana"));
    }

    [Fact]
    public async Task A_review_of_a_run_with_one_target_asked_by_ana_approves_neither_another_target_nor_another_asker()
    {
        var plan = project.Load(ReadinessProject.Plan());
        var store = await project.StoreAsync(plan);
        var journal = ReadinessProject.Journal(store, plan, project.Clock, actor: "ana");
        Task<ReviewGateResult> AskAsync(string target, string by) =>
            ReviewGate.PassAsync(journal, ChangeKind.Runbook, ChangeSubjects.Runbook("restore-db", Target(target), by), $"restore-db target={target}", by, default);

        var asked = await AskAsync("staging", "ana");
        Assert.False(asked.Passed);
        Assert.Equal(ChangeReviewOutcome.Reviewed,
            await store.Changes.ReviewAsync(asked.Change.Id, new ChangeReview("sari", project.Clock.GetUtcNow(), "staging only", asked.Change.Covers[0])));

        var prod = await AskAsync("prod", "ana");
        var eko = await AskAsync("staging", "eko");
        var ana = await AskAsync("staging", "ana");

        Assert.False(prod.Passed);
        Assert.False(eko.Passed);
        Assert.NotEqual(asked.Change.Id, prod.Change.Id);
        Assert.NotEqual(asked.Change.Id, eko.Change.Id);
        Assert.True(ana.Passed);
        Assert.Equal(asked.Change.Id, ana.Change.Id);
    }

    public ValueTask DisposeAsync() => project.DisposeAsync();
}
