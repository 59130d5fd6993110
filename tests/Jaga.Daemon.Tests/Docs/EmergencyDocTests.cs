using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jaga.Testing;
using Jaga.Testing.Docs;
using Xunit.Abstractions;

namespace Jaga.Daemon.Tests.Docs;

/// <summary>docs/emergency.md's command lines (running a runbook, the record of runs, approvals), run through bash in doc
/// order, in a project with the page's two runbooks: <c>restore-db</c> (two approvals, restore the SQLite database, count
/// its orders, notify) and <c>restart-api</c> (restart, wait for the check <c>api</c>, notify). Every line exits as the
/// page says.</summary>
/// <remarks>What the test adds to the page, each because a test machine is not the reader's server (the page says so
/// below its blocks):
/// <list type="bullet">
/// <item>The check <c>api</c> and the channel <c>oncall</c> (a webhook) are a real HTTP server on loopback; the restart
/// step is an <c>echo</c> (no systemd here); the <c>wait_for</c> waits 3 s, not 2 min.</item>
/// <item>Before the page's lines: a backup of <c>db</c>, verified (<c>latest_verified</c> needs one), and a run of
/// <c>restart-api</c> while <c>api</c> is down, which fails: that run is <c>3f9a12bc</c>, the one <c>resume</c> continues
/// once <c>api</c> is up.</item>
/// <item>The first line is run as written, with no terminal: it refuses (exit 2) and says to add <c>--yes</c>. Then the
/// same line with <c>--yes</c> runs in the background as a second terminal would: that run waits for its approvals and is
/// <c>3f9a0c12</c> in the record-of-runs and approval lines; <c>3f9a</c> is its shortest unique prefix of four or more
/// digits. After the second approval it must go on by itself, restore and exit 0.</item>
/// </list></remarks>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class EmergencyDocTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan PerLine = TimeSpan.FromMinutes(3);

    private readonly string dir = Directory.CreateTempSubdirectory("jaga-emergency-doc-").FullName;

    [Fact]
    [Trait("Category", "Integration")]
    public async Task The_emergency_page_s_commands_run_as_it_says()
    {
        await using var web = await LoopbackHttp.StartAsync();
        await SetUpAsync(web);
        using var shell = new DocShell(dir);
        await MustAsync(shell, "jaga backup run db");
        await MustAsync(shell, "jaga backup verify --latest");
        web.HealthStatus = 503;
        var down = await shell.RunAsync("jaga runbook run restart-api --yes", PerLine);
        Assert.True(down.ExitCode == 1, "restart-api while api is down must fail: " + down);
        var failed = (await RunsAsync(shell)).Single(r => r.Runbook == "restart-api" && r.Status == "failed").Id;
        web.HealthStatus = 200;

        ShellLine? waiting = null;
        var ids = new Dictionary<string, string> { ["3f9a12bc"] = failed };
        var ran = 0;
        try
        {
            foreach (var run in (DocRun[])[DocRuns.RunbookRun, DocRuns.RunbookRuns, DocRuns.RunbookApprove])
            {
                foreach (var (where, command) in run.Commands())
                {
                    var line = Placeholder().Replace(DocBlocks.WithoutComment(command), m => ids[m.Value]);
                    var result = await shell.RunAsync(line, PerLine);
                    output.WriteLine($"$ {line}\n{result}");
                    ran++;
                    if (line == "jaga runbook run restore-db --param backup=latest_verified")
                    {
                        // "asks": without a terminal it refuses, and says how a script runs it.
                        Assert.True(result.ExitCode == 2, $"{where}: `{command}` with no terminal: {result}");
                        Assert.Contains("--yes", result.Output, StringComparison.Ordinal);
                        waiting = shell.Start(line + " --yes");
                        var id = await WaitingRunAsync(shell, waiting);
                        ids["3f9a0c12"] = id;
                        ids["3f9a"] = ShortestPrefix(id, (await RunsAsync(shell)).Select(r => r.Id));
                        continue;
                    }
                    Assert.True(result.ExitCode == 0, $"{where}: `{command}` ran as `{line}`: {result}");
                    if (line.EndsWith("--yes --json", StringComparison.Ordinal))
                        Assert.Equal("succeeded", (string?)JsonNode.Parse(result.Stdout)!["status"]);
                    if (ids.TryGetValue("3f9a0c12", out var approved) && line == $"jaga runbook runs {approved} --json")
                        Assert.Equal("waitingapproval", (string?)JsonNode.Parse(result.Stdout)!["status"]);
                }
            }
            Assert.NotNull(waiting);
            var restored = await waiting.WaitAsync(PerLine);
            output.WriteLine($"$ (the run approved by the page's two lines)\n{restored}");
            Assert.True(restored.ExitCode == 0, "the approved restore-db run did not end well: " + restored);
            await Poll.UntilAsync(() => web.Hooks.Any(h => h.Contains("Restored latest_verified: 3 orders", StringComparison.Ordinal)), TimeSpan.FromSeconds(30),
                () => "no notification of the restore: " + string.Join('\n', web.Hooks));
            var lines = DocRuns.RunbookRun.Commands().Count + DocRuns.RunbookRuns.Commands().Count + DocRuns.RunbookApprove.Commands().Count;
            Assert.True(ran == lines && ran >= 10, $"{ran} lines ran, the page has {lines}");
            var runs = await RunsAsync(shell);
            Assert.Equal("succeeded", runs.Single(r => r.Id == failed).Status);
            Assert.Equal("succeeded", runs.Single(r => r.Id == ids["3f9a0c12"]).Status);
        }
        finally
        {
            waiting?.Dispose();
        }
    }

    private async Task SetUpAsync(LoopbackHttp web)
    {
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        var db = await ChildProcess.RunAsync("sqlite3", [Path.Combine(dir, "data", "app.db"), "CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO orders VALUES (1, 10), (2, 20), (3, 30);"], TimeSpan.FromSeconds(30));
        Assert.True(db.ExitCode == 0, db.Output);
        await File.WriteAllTextAsync(Path.Combine(dir, ".env"), $"ONCALL_WEBHOOK={web.Url}/hook\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "jaga.yaml"), $$"""
            version: 1
            project: shop
            timezone: UTC
            language: en
            env_files: [.env]
            log: { file: logs/maintenance.log }
            destinations:
              local: { path: backup/ }
            backup:
              - { name: db, source: { sqlite: data/app.db }, schedule: "0 2 * * *", to: local }
            notify:
              oncall: { webhook: "${ONCALL_WEBHOOK}" }
            monitoring:
              checks:
                - name: api
                  http: {{web.Url}}/health
                  alert: { after: 3, notify: [oncall], runbook: restart-api }
            emergency:
              contacts:
                - { name: budi, role: on-call engineer, phone: "+62 812 0000 0001", email: budi@shop.example }
              runbooks:
                - name: restart-api
                  description: The API stopped answering. Restart it and wait until it is healthy again.
                  trigger: { check: api, failing_for: 3m }
                  timeout: 2m
                  steps:
                    - name: restart
                      run: echo restarting the shop API
                    - wait_for: { check: api, timeout: 3s }
                    - notify: { channel: oncall, message: "API restarted; check api is healthy again" }
                - name: restore-db
                  params:
                    - { name: backup, default: latest }
                  steps:
                    - approve: { prompt: "Restore data/app.db from backup ${params.backup}?", approvals: 2 }
                    - name: restore
                      restore: { backup: db, from: "${params.backup}", into: data/app.db }
                    - name: count
                      run: sqlite3 data/app.db "select count(*) from orders"
                    - notify: { channel: oncall, message: "Restored ${params.backup}: ${steps.count.output} orders" }
            """);
    }

    private async Task MustAsync(DocShell shell, string line)
    {
        var result = await shell.RunAsync(line, PerLine);
        output.WriteLine($"$ {line}\n{result}");
        Assert.True(result.ExitCode == 0, $"`{line}`: {result}");
    }

    private static async Task<List<(string Id, string Runbook, string Status)>> RunsAsync(DocShell shell)
    {
        var list = await shell.RunAsync("jaga runbook runs --json", PerLine);
        Assert.True(list.ExitCode == 0, list.ToString());
        return [.. JsonNode.Parse(list.Stdout)!["runs"]!.AsArray().Select(r => ((string)r!["id"]!, (string)r["runbook"]!, (string)r["status"]!))];
    }

    private static async Task<string> WaitingRunAsync(DocShell shell, ShellLine started)
    {
        string? id = null;
        await Poll.UntilAsync(async () =>
        {
            Assert.False(started.Process.HasExited, "the restore-db run ended before it waited for approval:\n" + started.Output);
            id = (await RunsAsync(shell)).FirstOrDefault(r => r.Runbook == "restore-db" && r.Status == "waitingapproval").Id;
            return id is not null;
        }, TimeSpan.FromSeconds(90), () => "the restore-db run never waited for approval:\n" + started.Output);
        return id!;
    }

    /// <summary>The id's shortest prefix of four or more digits no other run's id starts with, as the page's <c>3f9a</c>.</summary>
    private static string ShortestPrefix(string id, IEnumerable<string> all)
    {
        var others = all.Where(o => o != id).ToList();
        for (var n = 4; n < id.Length; n++)
        {
            if (!others.Any(o => o.StartsWith(id[..n], StringComparison.Ordinal))) return id[..n];
        }
        return id;
    }

    public void Dispose() => FixtureFolders.TryDelete(dir);

    [GeneratedRegex(@"\b3f9a(?:12bc|0c12)?\b")]
    private static partial Regex Placeholder();
}
