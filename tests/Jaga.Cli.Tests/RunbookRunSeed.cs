using Jaga.Core.Ports;
using Jaga.Sqlite;

namespace Jaga.Cli.Tests;

/// <summary>Runbook runs written straight into a workspace's SQLite store, as the executor records them, for the commands that
/// read and approve them.</summary>
internal static class RunbookRunSeed
{
    public const string Node = "web-1";

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static string Plan(string language, int approvals = 2) => $$"""
        version: 1
        project: toko
        timezone: Asia/Jakarta
        language: {{language}}
        env_files: [.env]
        log: { file: logs/maintenance.log }
        emergency:
          runbooks:
            - name: restore-db
              params:
                - { name: reason }
              steps:
                - name: go-ahead
                  approve: { prompt: "Restore for ${params.reason}?", approvals: {{approvals}} }
                - name: restore
                  run: "echo restoring"
        """;

    public const string Env = "API_TOKEN=tok-abcdef123456\n";

    /// <summary>Opens the workspace's store; the caller disposes it before running <c>jaga</c>.</summary>
    public static async Task<IStateStore> OpenAsync(Workspace ws) => await SqliteStateStore.OpenAsync(ws.StatePath, ws.Clock);

    /// <summary>A run of restore-db paused at its approve step (step 0): running, then waiting for approval.</summary>
    public static async Task<RunbookRun> WaitingAsync(IStateStore store, Workspace ws, string id, long? incident = null)
    {
        var run = await store.Runbooks.StartAsync(new RunbookRunStart(id, "restore-db", new Dictionary<string, string> { ["reason"] = "db dropped" }, "manual", incident, "rina"),
            Node, ws.Clock.GetUtcNow(), Lease);
        await store.Runbooks.StepStartedAsync(id, 0, "go-ahead", "approve", ws.Clock.GetUtcNow());
        Assert.True(await store.Runbooks.SetStatusAsync(id, Node, RunbookRunStatus.WaitingApproval, ws.Clock.GetUtcNow(), null));
        return run;
    }

    /// <summary>A run of restore-db that went through its approve step and failed at its <c>run</c> step with
    /// <paramref name="detail"/> and <paramref name="tail"/>.</summary>
    public static async Task FailedAsync(IStateStore store, Workspace ws, string id, string detail, string tail)
    {
        await WaitingAsync(store, ws, id);
        Assert.True(await store.Runbooks.ApproveAsync(id, 0, "rina", ws.Clock.GetUtcNow(), "checked the backup"));
        Assert.True(await store.Runbooks.ApproveAsync(id, 0, "budi", ws.Clock.GetUtcNow(), null));
        Assert.True(await store.Runbooks.SetStatusAsync(id, Node, RunbookRunStatus.Running, ws.Clock.GetUtcNow(), null));
        Assert.True(await store.Runbooks.StepFinishedAsync(id, 0, new StepAttemptEnd(StepAttemptOutcome.Succeeded, ws.Clock.GetUtcNow(), null, null, null, "approved by rina, budi")));
        await store.Runbooks.StepStartedAsync(id, 1, "restore", "run", ws.Clock.GetUtcNow());
        ws.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await store.Runbooks.StepFinishedAsync(id, 1, new StepAttemptEnd(StepAttemptOutcome.Failed, ws.Clock.GetUtcNow(), 3, tail, tail, detail)));
        Assert.True(await store.Runbooks.SetStatusAsync(id, Node, RunbookRunStatus.Failed, ws.Clock.GetUtcNow(), $"step restore failed: {detail}"));
    }
}
