using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Patches;
using Jaga.Core.Updates.Versions;
using Jaga.Engine.Updates.Apply;
using Jaga.Engine.Updates.Schedule;

namespace Jaga.Updates.Tests.Schedule;

/// <summary>The update jobs' pure decisions: what is applied without a person, when the security watch re-audits, and
/// how a run ends.</summary>
public sealed class UpdateScheduleRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
    private static readonly UpdatePolicy Immediate = new(UpdateAction.Immediate, UpdateAction.Auto, UpdateAction.Review, UpdateAction.Manual);

    private static Finding Finding(string name, Decision decision, bool security, string? target = "1.0.1", params AdvisoryHit[] hits) =>
        new(new Dependency(Ecosystem.NuGet, name, "1.0.0", "1.0.0", new ManifestLocation("App.csproj", 3), DependencyScope.Runtime),
            "1.0.0", false, "2.0.0", target, target is null ? null : UpdateKind.Patch, decision, security, hits);

    private static AdvisoryHit Hit(string id, Severity severity, Suppression? by = null) => new(id, [], severity, "summary", "1.0.1", by);

    private static AuditReport Report(IReadOnlyList<Finding> findings, IReadOnlyList<Ecosystem>? missing = null) =>
        new(["App.csproj"], new Dictionary<Ecosystem, IReadOnlyList<string>>(), findings, [], missing ?? [], [], [], FailOn.High);

    private static JobRun Run(string job, DateTimeOffset claimed, bool finished = true) =>
        new(1, job, claimed, 1, "node", claimed, claimed.AddMinutes(5), finished ? claimed.AddMinutes(1) : null, finished ? RunOutcome.Succeeded : RunOutcome.Running, null);

    [Fact]
    public void The_policy_s_own_updates_are_the_ones_it_applies_and_the_watch_takes_only_immediate_security_fixes()
    {
        Finding[] findings =
        [
            Finding("Fix", Decision.Apply, security: true), Finding("Patch", Decision.Apply, security: false),
            Finding("Minor", Decision.Review, security: false), Finding("Major", Decision.Manual, security: false),
            Finding("Current", Decision.UpToDate, security: false, target: null),
        ];

        Assert.Equal(["Fix", "Patch"], AutomaticUpdates.Of(findings).Select(u => u.Dependency.Name));
        Assert.Equal(["Fix"], AutomaticUpdates.Immediate(findings, Immediate).Select(u => u.Dependency.Name));
        Assert.Empty(AutomaticUpdates.Immediate(findings, Immediate with { Security = UpdateAction.Auto }));
    }

    [Fact]
    public void The_watch_is_due_only_for_data_imported_after_the_last_update_run_started_once_a_scheduled_run_finished()
    {
        var scheduled = Run("update:scheduled", T0);

        Assert.False(SecurityWatchDue.IsDue(T0.AddHours(1), lastScheduled: null, lastWatch: null));
        Assert.False(SecurityWatchDue.IsDue(T0.AddHours(1), Run("update:scheduled", T0, finished: false), null));
        Assert.False(SecurityWatchDue.IsDue(null, scheduled, null));
        Assert.False(SecurityWatchDue.IsDue(T0.AddMinutes(-1), scheduled, null));
        Assert.True(SecurityWatchDue.IsDue(T0.AddMinutes(1), scheduled, null));
        // The watch already looked at that import; a newer one is due again.
        Assert.False(SecurityWatchDue.IsDue(T0.AddMinutes(1), scheduled, Run("update:security", T0.AddMinutes(2))));
        Assert.True(SecurityWatchDue.IsDue(T0.AddMinutes(3), scheduled, Run("update:security", T0.AddMinutes(2))));
        // A watch run older than the scheduled run does not hide what the scheduled run has not seen.
        Assert.True(SecurityWatchDue.IsDue(T0.AddMinutes(1), scheduled, Run("update:security", T0.AddHours(-1))));
    }

    [Fact]
    public void A_run_succeeds_when_nothing_is_left_to_a_person()
    {
        var fix = Finding("Fix", Decision.Apply, security: true, "1.0.1", Hit("GHSA-1", Severity.Critical));
        var report = Report([fix, Finding("Minor", Decision.Review, security: false)]);
        var update = fix.Update!;

        var verdict = UpdateVerdict.Of(report, [update], [new UpdateOutcome(update, "security", UpdateResult.Applied, "applied")], false, null, null, Catalog.English);

        Assert.True(verdict.Succeeded, verdict.Summary);
        Assert.Equal("2 package(s) audited; 1 update(s) applied, 1 waiting for review", verdict.Summary);
    }

    [Fact]
    public void Missing_data_an_open_advisory_a_rollback_a_skip_a_missing_test_and_pending_os_security_updates_each_fail_the_run()
    {
        var fix = Finding("Fix", Decision.Apply, security: true, "1.0.1", Hit("GHSA-1", Severity.High));
        var low = Finding("Low", Decision.Manual, security: true, null, Hit("GHSA-2", Severity.Low));
        var suppressed = Finding("Quiet", Decision.UpToDate, security: false, null, Hit("GHSA-3", Severity.Critical, new Suppression("GHSA-3", null, "r", "o", new DateOnly(2099, 1, 1))));
        var failed = Finding("Gone", Decision.Unknown, security: false, null) with { Problem = FindingProblem.RegistryFailed };
        var report = Report([fix, low, suppressed, failed], [Ecosystem.Npm]);
        var update = fix.Update!;
        var w = Catalog.English;

        var rolledBack = UpdateVerdict.Of(report, [update], [new UpdateOutcome(update, "security", UpdateResult.RolledBack, "the tests failed")], false, null, null, w);
        Assert.False(rolledBack.Succeeded);
        Assert.Equal(
            ["no data for advisories:npm, NuGet:Gone", "rolled back: Fix==1.0.1", "advisories at or above update.fail_on still open: Fix (GHSA-1)"],
            rolledBack.Failures);
        Assert.Equal(string.Join("; ", rolledBack.Failures), rolledBack.Summary);

        var clean = Report([fix]);
        var skipped = UpdateVerdict.Of(clean, [update], [new UpdateOutcome(update, "security", UpdateResult.Skipped, "App.csproj is not there")], false, null, null, w);
        Assert.Equal(["not applied: Fix==1.0.1 (App.csproj is not there)", "advisories at or above update.fail_on still open: Fix (GHSA-1)"], skipped.Failures);

        var noTest = UpdateVerdict.Of(clean, [update], [], testMissing: true, null, null, w);
        Assert.Equal("1 update(s) to apply, but update.test is empty: name the command that must pass after an update", noTest.Failures[0]);

        var applied = new UpdateOutcome(update, "security", UpdateResult.Applied, "applied");
        var os = UpdateVerdict.Of(clean, [update], [applied], false, null, "apt-get exited with code 100", w);
        Assert.Equal(["OS patches not read: apt-get exited with code 100"], os.Failures);
        var pending = new PatchCheck(
            new AptSimulation([new AptInstall("openssl", "amd64", "3.0.1", "3.0.2", [new AptOrigin("Debian-Security", "12", "bookworm-security")])], [], [], null),
            RebootRequirement.None);
        Assert.Equal(["1 OS security update(s) pending: sudo jaga patches --apply --security-only"],
            UpdateVerdict.Of(clean, [update], [applied], false, pending, null, w).Failures);
    }
}
