using Jaga.Cli.Composition;
using Jaga.Core.Ports;
using Jaga.Engine.Planning;
using Jaga.Testing;
using Microsoft.Data.Sqlite;

namespace Jaga.Backup.Tests.Integration;

/// <summary>A restore runbook with a two-person approval, run as <c>jaga runbook run restore-db --yes</c> in its own process
/// against a real PostgreSQL server: it waits until two different people approved (the same person twice counts once),
/// then restores the latest backup into an empty database, row counts as the manifest says.</summary>
[Trait("Category", "Integration")]
public sealed class RunbookApprovalTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    private const string Plan = """
        version: 1
        project: toko
        timezone: Asia/Jakarta
        language: en
        log: { file: logs/maintenance.log }
        env_files: [.env]
        destinations:
          local: { path: backup/ }
        backup:
          - name: db
            source: { postgres: "${DATABASE_URL}" }
            schedule: "0 2 * * *"
            to: [local]
            file: "db_{date}"
            compress: zstd
        emergency:
          runbooks:
            - name: restore-db
              steps:
                - approve: { prompt: "Restore?", approvals: 2 }
                - name: restore
                  restore: { backup: db, from: latest, into: "${TARGET_URL}" }
        """;

    [Fact]
    public async Task Restore_waits_for_two_different_people_then_restores_the_latest_backup_to_the_manifest_counts()
    {
        var db = await SampleDatabase.CreateSeededAsync(pg);
        var target = await SampleDatabase.CreateAsync(pg, "target-Pa55-4711");
        using var ws = new BackupWorkspace(Plan, $"DATABASE_URL={db.Url}\nTARGET_URL={target.Url}\n");
        await ws.Ok("backup", "run");
        var manifest = ReferenceTools.ManifestTables(Directory.GetFiles(ws.LocalBackups, "*.manifest.json").Single());
        Assert.Equal(SampleDatabase.SeededCounts, manifest);

        using var run = new RunningJaga(ws.PlanPath, ws.Dir, ["runbook", "run", "restore-db", "--yes"]);
        var loaded = PlanFile.Load(ws.PlanPath);
        await using var store = await CompositionRoot.OpenStoreAsync(loaded.Plan!, TimeProvider.System);
        var waiting = await UntilAsync(async () =>
            (await store.Runbooks.ListAsync("restore-db", 10)).SingleOrDefault(r => r.Status == RunbookRunStatus.WaitingApproval), run, "the run to wait for approval");
        // The question is printed as the run starts waiting; the child's output reaches the test a moment later.
        await UntilAsync(() => Task.FromResult(run.Output.Contains("Restore?", StringComparison.Ordinal) ? "" : null), run, "the question to be printed");

        Assert.True(await store.Runbooks.ApproveAsync(waiting.Id, 0, "rina", DateTimeOffset.UtcNow, null));
        await UntilAsync(() => Task.FromResult(run.Output.Contains("approved by rina (1 of 2)", StringComparison.Ordinal) ? "" : null), run, "rina's approval to be seen");
        Assert.False(run.HasExited, run.Output);
        Assert.Equal(RunbookRunStatus.WaitingApproval, (await store.Runbooks.GetAsync(waiting.Id))!.Status);
        Assert.Empty(await target.CountsAsync());

        Assert.False(await store.Runbooks.ApproveAsync(waiting.Id, 0, "rina", DateTimeOffset.UtcNow, "again"));
        Assert.Single(await store.Runbooks.ApprovalsAsync(waiting.Id, 0));
        Assert.False(run.HasExited, run.Output);

        Assert.True(await store.Runbooks.ApproveAsync(waiting.Id, 0, "budi", DateTimeOffset.UtcNow, null));
        await run.WaitForExitAsync(TimeSpan.FromSeconds(120));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("approved by budi (2 of 2)", run.Output, StringComparison.Ordinal);
        Assert.Equal(manifest, await target.CountsAsync());
        var ended = await store.Runbooks.GetAsync(waiting.Id);
        Assert.Equal(RunbookRunStatus.Succeeded, ended!.Status);
        var steps = await store.Runbooks.StepsAsync(waiting.Id);
        Assert.Equal([StepAttemptOutcome.Succeeded, StepAttemptOutcome.Succeeded], steps.Select(a => a.Outcome!.Value));
        Assert.Equal("rina, budi", steps[0].Output);
        var log = File.ReadAllText(ws.LogPath);
        Assert.Contains($"run {waiting.Id} step 1 approve-1 succeeded after", log, StringComparison.Ordinal);
        Assert.Contains("approved by rina, budi", log, StringComparison.Ordinal);
        Assert.Contains($"run {waiting.Id} step 2 restore succeeded after", log, StringComparison.Ordinal);
        foreach (var secret in new[] { db.Password, target.Password })
        {
            Assert.DoesNotContain(secret, run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }
        SqliteConnection.ClearAllPools();
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> found, RunningJaga run, string what) where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await found() is { } value) return value;
            Assert.False(run.HasExited, $"jaga ended before {what}:\n{run.Output}");
            Assert.True(DateTime.UtcNow < until, $"timed out waiting for {what}:\n{run.Output}");
            await Task.Delay(100);
        }
    }
}
