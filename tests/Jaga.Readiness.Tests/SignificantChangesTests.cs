using Jaga.Core.Changes;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;

namespace Jaga.Readiness.Tests;

/// <summary>Which journal entries are significant changes, decided on their audit kind and data, with the plan's switches.</summary>
public sealed class SignificantChangesTests : IAsyncDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private readonly ReadinessProject project = new();

    private const string Runbooks = """
        emergency:
          runbooks:
            - name: restore-db
              steps:
                - restore: { backup: db, into: restored.db }
            - name: restore-reviewed
              review: before
              steps:
                - restore: { backup: db, into: restored.db }
            - name: notify-only
              steps:
                - log: hello
        backup:
          - name: db
            source: { sqlite: app.db }
            to: [local]
            every: 1d
        destinations:
          local: { path: backups }
        """;

    private static AuditEntry Entry(string kind, long seq, params (string Key, string Value)[] data) =>
        new(seq, At, "budi", kind, Severity.Info, $"message {seq}", $"line {seq}", data.ToDictionary(d => d.Key, d => d.Value), AuditEntry.Genesis, "hash");

    [Fact]
    public void A_major_update_a_security_patch_and_a_significant_plan_change_are_changes_and_a_minor_update_is_not()
    {
        var plan = project.Load(ReadinessProject.Plan()).Plan;

        var major = SignificantChanges.Of(plan, Entry("update.apply", 4, ("kind", "major"), ("ecosystem", "npm"), ("name", "express"), ("to", "5.0.0")));
        var minor = SignificantChanges.Of(plan, Entry("update.apply", 5, ("kind", "minor"), ("ecosystem", "npm"), ("name", "express"), ("to", "4.19.0")));
        var patch = SignificantChanges.Of(plan, Entry("patches.apply", 6, ("package", "openssl"), ("to", "3.0.22"), (AuditEntry.NodeKey, "web-1")));
        var plainPlan = SignificantChanges.Of(plan, Entry("plan.change", 7, ("new_sha256", "abc"), (SignificantChanges.PlanKey, "")));
        var backupPlan = SignificantChanges.Of(plan, Entry("plan.change", 8, ("new_sha256", "def"), (SignificantChanges.PlanKey, "retention: db")));

        Assert.Equal(new ChangeDraft(ChangeKind.MajorUpdate, "update:npm:express==5.0.0", "message 4", "budi", At, 4), major);
        Assert.Null(minor);
        Assert.Equal(ChangeKind.SecurityPatch, patch?.Kind);
        Assert.Equal("patch:web-1:openssl=3.0.22", patch?.Subject);
        Assert.Null(plainPlan);
        Assert.Equal(new ChangeDraft(ChangeKind.Plan, "plan:def", "message 8", "budi", At, 8), backupPlan);
    }

    [Fact]
    public void The_lines_of_a_runbook_run_with_a_restore_step_are_one_change_unless_it_was_reviewed_before()
    {
        var plan = project.Load(ReadinessProject.Plan(Runbooks)).Plan;

        var started = SignificantChanges.Of(plan, Entry("runbook.run", 3, ("runbook", "restore-db"), ("run", "ab12")));
        var step = SignificantChanges.Of(plan, Entry("runbook.step", 4, ("runbook", "restore-db"), ("run", "ab12")));
        var reviewed = SignificantChanges.Of(plan, Entry("runbook.run", 5, ("runbook", "restore-reviewed"), ("run", "cd34")));
        var noRestore = SignificantChanges.Of(plan, Entry("runbook.run", 6, ("runbook", "notify-only"), ("run", "ef56")));

        Assert.Equal(ChangeKind.Restore, started?.Kind);
        Assert.Equal("runbook-run:ab12", started?.Group);
        Assert.Equal(started?.Group, step?.Group);
        Assert.Null(reviewed);
        Assert.Null(noRestore);
    }

    [Fact]
    public void Migration_entries_of_one_run_share_a_group_and_the_plan_can_turn_a_kind_off()
    {
        var on = project.Load(ReadinessProject.Plan()).Plan;
        var off = project.Load(ReadinessProject.Plan("changes: { migration: false, major_update: false }")).Plan;
        var migration = Entry(SignificantChanges.MigrationKind, 9, ("run", "m1"));

        Assert.Equal("migration:m1", SignificantChanges.Of(on, migration)?.Group);
        Assert.Null(SignificantChanges.Of(off, migration));
        Assert.Null(SignificantChanges.Of(off, Entry("update.apply", 4, ("kind", "major"), ("name", "x"), ("to", "2.0.0"))));
        Assert.NotNull(SignificantChanges.Of(off, Entry("patches.apply", 6, ("package", "openssl"), ("to", "3"))));
        Assert.Null(SignificantChanges.Of(on, Entry("backup.run", 10)));
    }

    [Fact]
    public void With_update_review_before_an_applied_major_update_or_patch_is_not_listed_again_its_request_was_reviewed()
    {
        var before = project.Load(ReadinessProject.Plan("update: { review: before }")).Plan;

        Assert.Null(SignificantChanges.Of(before, Entry("update.apply", 4, ("kind", "major"), ("ecosystem", "npm"), ("name", "express"), ("to", "5.0.0"))));
        Assert.Null(SignificantChanges.Of(before, Entry("patches.apply", 6, ("package", "openssl"), ("to", "3.0.22"), (AuditEntry.NodeKey, "web-1"))));
    }

    public ValueTask DisposeAsync() => project.DisposeAsync();
}
