using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Readiness;
using Jaga.Core.Updates.Advisories;
using Jaga.Engine.Readiness;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Readiness.Tests;

/// <summary>The checklist's evidence gathered from a real git repository made by the test, real files and a real SQLite store.</summary>
[Trait("Category", "Integration")]
public sealed class ChecklistEvidenceTests : IAsyncDisposable
{
    private readonly ReadinessProject project = new();

    private static List<(EvidenceState State, string Key)> Of(ChecklistReport report, ReadinessPoint point) =>
        [.. report.Points.Single(p => p.Point == point).Evidence.Select(e => (e.State, e.Key))];

    private async Task<ChecklistReport> GatherAsync(LoadedPlan plan, IStateStore store, ISecretsScan? secrets = null, TimeProvider? clock = null) =>
        await ReadinessChecklist.GatherAsync(new ReadinessInputs(plan, store, clock ?? project.Clock, secrets), default);

    [Fact]
    public async Task A_tracked_env_file_not_ignored_and_missing_keys_fail_configuration_until_fixed()
    {
        await project.InitGitAsync();
        project.Write(".env", "DB_URL=postgres://u:p@db/app\n");
        project.Write(".env.example", "DB_URL=\nAPI_KEY=\n");
        var plan = project.Load(ReadinessProject.Plan());
        await project.CommitAllAsync("starter kit");
        var store = await project.StoreAsync(plan);
        var secrets = new FoundSecrets("config/app.yml:3 (aws-access-key)");

        var before = Of(await GatherAsync(plan, store, secrets), ReadinessPoint.Configuration);

        Assert.Contains((EvidenceState.Failed, "cli.checklist.env.tracked"), before);
        Assert.Contains((EvidenceState.Failed, "cli.checklist.env.notignored"), before);
        Assert.Contains((EvidenceState.Failed, "cli.checklist.env.keys.missing"), before);
        Assert.Contains((EvidenceState.Failed, "cli.checklist.secrets.found"), before);
        Assert.Equal(project.Dir, Path.GetFullPath(secrets.AskedAbout!).TrimEnd('/'), StringComparer.Ordinal);

        await project.GitAsync("rm", "-q", "--cached", ".env");
        project.Write(".gitignore", ".env*\n!.env.example\n.jaga/\nlogs/\n");
        project.Write(".env", "DB_URL=postgres://u:p@db/app\nAPI_KEY=k\n");
        await project.CommitAllAsync("ignore env files");

        var after = await GatherAsync(plan, store, new FoundSecrets());

        Assert.Equal(
            [(EvidenceState.Ok, "cli.checklist.env.untracked"), (EvidenceState.Ok, "cli.checklist.env.ignored"), (EvidenceState.Ok, "cli.checklist.env.keys"),
                (EvidenceState.Ok, "cli.checklist.secrets.clean")],
            Of(after, ReadinessPoint.Configuration));
        Assert.True(after.Points.Single(p => p.Point == ReadinessPoint.Configuration).Met);
        Assert.Contains((EvidenceState.Failed, "cli.checklist.secrets.unavailable"), Of(await GatherAsync(plan, store), ReadinessPoint.Configuration));
    }

    [Fact]
    public async Task A_required_key_set_in_the_process_environment_counts_and_the_evidence_says_where_each_key_is()
    {
        project.Write(".env.production", "DB_URL=postgres://u:p@db/app\n");
        project.Write(".env.example", "DB_URL=\nAPI_KEY=\nSMTP_URL=\n");
        var plan = project.Load(ReadinessProject.Plan("env_files: [.env.production]"));
        var store = await project.StoreAsync(plan);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["API_KEY"] = "k" };

        async Task<Evidence> KeysAsync() =>
            (await ReadinessChecklist.GatherAsync(new ReadinessInputs(plan, store, project.Clock, new FoundSecrets(), Variables: environment.GetValueOrDefault), default))
            .Points.Single(p => p.Point == ReadinessPoint.Configuration).Evidence.Single(e => e.Key.StartsWith("cli.checklist.env.keys", StringComparison.Ordinal));

        var partly = await KeysAsync();
        environment["SMTP_URL"] = "smtp://mail";
        var all = await KeysAsync();

        Assert.Equal(EvidenceState.Failed, partly.State);
        Assert.Equal("keys .env.example names are set neither in the env files (.env.production) nor in the process environment: SMTP_URL",
            Catalog.English.Format(partly.Key, [.. partly.Args]));
        Assert.Equal(EvidenceState.Ok, all.State);
        Assert.Equal("every key .env.example names is set (3): in the env files .env.production (DB_URL); in the process environment API_KEY, SMTP_URL",
            Catalog.English.Format(all.Key, [.. all.Args]));
    }

    [Fact]
    public async Task CI_counts_only_a_workflow_that_runs_tests_and_folders_need_a_persons_acknowledgement()
    {
        await project.InitGitAsync();
        project.Write("notes-meeting.docx", "x");
        project.Write("README.md", "# toko");
        var plan = project.Load(ReadinessProject.Plan());
        await project.CommitAllAsync("start");
        var store = await project.StoreAsync(plan);

        var none = await GatherAsync(plan, store);
        project.Write(".github/workflows/ci.yml", "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run lint\n");
        var lintOnly = await GatherAsync(plan, store);
        project.Write(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npm test\n");
        var tests = await GatherAsync(plan, store);

        Assert.Equal([(EvidenceState.Failed, "cli.checklist.ci.none")], Of(none, ReadinessPoint.Ci));
        Assert.Equal([(EvidenceState.Failed, "cli.checklist.ci.notests")], Of(lintOnly, ReadinessPoint.Ci));
        Assert.Equal([(EvidenceState.Ok, "cli.checklist.ci.tests")], Of(tests, ReadinessPoint.Ci));
        var folders = tests.Points.Single(p => p.Point == ReadinessPoint.Folders);
        Assert.Contains((EvidenceState.Note, "cli.checklist.folders.stray"), Of(tests, ReadinessPoint.Folders));
        Assert.Contains((EvidenceState.Note, "cli.checklist.folders.nosplit"), Of(tests, ReadinessPoint.Folders));
        Assert.False(folders.Met);

        await store.Checklist.AcknowledgeAsync(new ChecklistAck("folders", "sari", project.Clock.GetUtcNow(), "docx moved next sprint", 1));
        Assert.True((await GatherAsync(plan, store)).Points.Single(p => p.Point == ReadinessPoint.Folders).Met);
    }

    [Fact]
    public async Task An_old_audit_and_a_pending_high_advisory_fail_dependencies_and_security()
    {
        var plan = project.Load(ReadinessProject.Plan("checklist: { audit_max_age: 7d }"));
        var store = await project.StoreAsync(plan);
        var clock = project.Clock;

        Assert.Contains((EvidenceState.Failed, "cli.checklist.deps.never"), Of(await GatherAsync(plan, store), ReadinessPoint.Dependencies));
        await store.Security.RecordAsync(new SecurityReading(SecurityFindingSource.Dependency, "", clock.GetUtcNow(), true, []));
        clock.Advance(TimeSpan.FromDays(10));
        Assert.Contains((EvidenceState.Failed, "cli.checklist.deps.old"), Of(await GatherAsync(plan, store), ReadinessPoint.Dependencies));

        await store.Security.RecordAsync(new SecurityReading(SecurityFindingSource.Dependency, "", clock.GetUtcNow(), true,
            [new SecurityFindingSeen("npm", "lodash", "4.17.20", "GHSA-35jh-r3h4-6jhm", Severity.High, "4.17.21")]));
        var report = await GatherAsync(plan, store);

        Assert.Equal([(EvidenceState.Ok, "cli.checklist.deps.recent"), (EvidenceState.Failed, "cli.checklist.vuln.found")], Of(report, ReadinessPoint.Dependencies));
        Assert.Contains((EvidenceState.Failed, "cli.checklist.vuln.found"), Of(report, ReadinessPoint.Security));
        Assert.Contains((EvidenceState.Failed, "cli.checklist.url.none"), Of(report, ReadinessPoint.Security));
    }

    [Fact]
    public async Task A_verified_backup_older_than_two_periods_a_missing_check_and_no_live_daemon_fail_backup_and_monitoring()
    {
        var plan = project.Load(ReadinessProject.Plan("""
            destinations:
              local: { path: backups }
            backup:
              - name: db
                source: { sqlite: app.db }
                to: [local]
                every: 1d
            """));
        var store = await project.StoreAsync(plan);
        var now = project.Clock.GetUtcNow();

        Assert.Equal(
            [(EvidenceState.Failed, "cli.checklist.backup.none"), (EvidenceState.Failed, "cli.checklist.checks.none"), (EvidenceState.Failed, "cli.checklist.daemon.none")],
            Of(await GatherAsync(plan, store), ReadinessPoint.Backup));

        await store.Backups.SaveAsync(Backup("b1", now - TimeSpan.FromDays(3)));
        await store.Nodes.BeatAsync(new NodeInfo("web-1", "web-1", 42, "1.0", now - TimeSpan.FromHours(1), now - TimeSpan.FromSeconds(10), "abc", null));
        Assert.Equal(
            [(EvidenceState.Failed, "cli.checklist.backup.old"), (EvidenceState.Failed, "cli.checklist.checks.none"), (EvidenceState.Ok, "cli.checklist.daemon.alive")],
            Of(await GatherAsync(plan, store), ReadinessPoint.Backup));

        await store.Backups.SaveAsync(Backup("b2", now - TimeSpan.FromHours(20)));
        Assert.Contains((EvidenceState.Ok, "cli.checklist.backup.fresh"), Of(await GatherAsync(plan, store), ReadinessPoint.Backup));
    }

    [Fact]
    public async Task Documents_unchanged_since_the_last_migration_a_stale_rendered_plan_and_a_change_awaiting_review_fail_documentation()
    {
        await project.InitGitAsync();
        project.Write("README.md", "# toko\n");
        project.Write("CHANGELOG.md", "# changes\n");
        project.Write("docs/migration.md", "# moving to production\n");
        var text = ReadinessProject.Plan("docs: { render_to: MAINTENANCE.md }");
        var plan = project.Load(text);
        await project.CommitAllAsync("docs");
        var store = await project.StoreAsync(plan);
        var real = TimeProvider.System.GetUtcNow();

        Assert.Equal(
            [(EvidenceState.Ok, "cli.checklist.doc.present"), (EvidenceState.Ok, "cli.checklist.doc.present"), (EvidenceState.Ok, "cli.checklist.doc.present"),
                (EvidenceState.Failed, "cli.checklist.render.missing"), (EvidenceState.Ok, "cli.checklist.changes.reviewed")],
            Of(await GatherAsync(plan, store), ReadinessPoint.Documentation));

        // A migration run after the documents were last committed, recorded as the journal records one (with its change).
        var later = new FakeTimeProvider(real + TimeSpan.FromHours(1));
        var journal = ReadinessProject.Journal(store, plan, later);
        await journal.RecordTextAsync(Core.Ledger.Severity.Info, "migration.run", "migration finished", new Dictionary<string, string> { ["run"] = "m1" });
        Assert.NotNull(RenderedPlan.Refresh(plan));
        var report = await GatherAsync(plan, store, clock: later);

        Assert.Equal(
            [(EvidenceState.Failed, "cli.checklist.doc.stale"), (EvidenceState.Failed, "cli.checklist.doc.stale"), (EvidenceState.Failed, "cli.checklist.doc.stale"),
                (EvidenceState.Ok, "cli.checklist.render.current"), (EvidenceState.Failed, "cli.checklist.changes.pending")],
            Of(report, ReadinessPoint.Documentation));

        // Any change will do; a loopback url, as gathering probes it for security headers (a public name would leave this machine).
        var changed = project.Load(text + "\nchecklist: { url: \"http://127.0.0.1:9/\" }\n");
        Assert.Contains((EvidenceState.Failed, "cli.checklist.render.stale"), Of(await GatherAsync(changed, store, clock: later), ReadinessPoint.Documentation));
        // Written for a plan once, the document is current for it: nothing is written again.
        Assert.Null(RenderedPlan.Refresh(plan));
    }

    private static BackupRecord Backup(string id, DateTimeOffset finished) =>
        new(id, "db", $"db_{id}.db.zst", "sqlite", BackupStatus.Complete, finished - TimeSpan.FromMinutes(1), finished, 10, "00", [], finished, "ok", null, null);

    public ValueTask DisposeAsync() => project.DisposeAsync();
}
