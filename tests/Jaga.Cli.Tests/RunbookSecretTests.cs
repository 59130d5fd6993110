using System.Net;
using System.Text;
using Jaga.Cli.Composition;
using Jaga.Engine.Planning;
using Jaga.Testing;
using Microsoft.Data.Sqlite;

namespace Jaga.Cli.Tests;

/// <summary>A secret of the plan's env file used by runbook steps (a command line, a step's env, a failing program's name,
/// a log line, a notify message, an earlier step's output) reaches the steps but never the run record, the maintenance
/// log, the audit chain, the terminal, the webhook or the printed procedure.</summary>
[Trait("Category", "Integration")]
public sealed class RunbookSecretTests
{
    private const string Secret = "Sup3r-s3cret-pw-4711";

    private static string Plan(int port) => $$"""
        version: 1
        project: toko
        language: en
        env_files: [.env]
        log: { file: logs/maintenance.log }
        notify:
          hook: { webhook: "http://127.0.0.1:{{port}}/hook" }
        emergency:
          runbooks:
            - name: leak
              steps:
                - name: show
                  run: "printf %s ${DB_PASSWORD} > seen; echo pw=${DB_PASSWORD}; echo env=$PGPASSWORD; echo pw=${DB_PASSWORD} >&2"
                - name: with-env
                  run: { command: "echo env=$PGPASSWORD", env: { PGPASSWORD: "${DB_PASSWORD}" } }
                - name: again
                  run: "echo prev=${steps.show.output}"
                - name: missing
                  run: { command: "/nonexistent/${DB_PASSWORD}", args: ["${DB_PASSWORD}"] }
                  on_failure: continue
                - log: "rotated ${DB_PASSWORD} now"
                - notify: { channel: hook, message: "password is ${DB_PASSWORD}" }
        """;

    [Fact]
    public async Task A_secret_used_in_steps_never_appears_in_the_store_the_log_the_audit_the_terminal_or_the_procedure()
    {
        using var hook = new Hook();
        using var ws = new Workspace(Plan(hook.Port), $"DB_PASSWORD={Secret}\n");

        var dry = await ws.Jaga("runbook", "run", "leak", "--dry-run");
        var run = await ws.Jaga("runbook", "run", "leak", "--yes");
        var show = await ws.Jaga("runbook", "show", "leak", "--format", "md");
        var json = await ws.Jaga("runbook", "show", "leak", "--json");

        // The run failed only at the step meant to fail, and the secret reached the commands.
        Assert.True(run.Code == 1, run.ToString());
        Assert.Equal(Secret, File.ReadAllText(Path.Combine(ws.Dir, "seen")));
        Assert.Contains("pw=***", run.Out, StringComparison.Ordinal);
        Assert.Contains("env=***", run.Out, StringComparison.Ordinal);
        Assert.Contains("prev=pw=***", run.Out, StringComparison.Ordinal);
        Assert.True(show.Code == 0, show.ToString());
        Assert.Contains("${DB_PASSWORD}", show.Out, StringComparison.Ordinal);
        foreach (var r in new[] { dry, run, show, json })
        {
            Assert.DoesNotContain(Secret, r.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, r.Err, StringComparison.Ordinal);
        }

        var log = File.ReadAllText(ws.LogPath);
        Assert.Contains("rotated *** now", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, log, StringComparison.Ordinal);
        Assert.Contains("password is ***", hook.Bodies, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, hook.Bodies, StringComparison.Ordinal);

        var plan = PlanFile.Load(ws.PlanPath).Plan!;
        await using var store = await CompositionRoot.OpenStoreAsync(plan, TimeProvider.System);
        var stored = Assert.Single(await store.Runbooks.ListAsync("leak", 10));
        var texts = new List<string?> { stored.Detail, stored.Trigger, stored.StartedBy };
        texts.AddRange(stored.Parameters.Values);
        var steps = await store.Runbooks.StepsAsync(stored.Id);
        Assert.Equal(6, steps.Count);
        foreach (var a in steps) texts.AddRange([a.Output, a.OutputTail, a.Detail, a.Name]);
        Assert.Contains(texts, t => t?.Contains("pw=***", StringComparison.Ordinal) == true);
        Assert.Contains(texts, t => t?.Contains("/nonexistent/***", StringComparison.Ordinal) == true);
        Assert.All(texts, t => Assert.DoesNotContain(Secret, t ?? "", StringComparison.Ordinal));

        var entries = 0;
        await foreach (var e in store.ReadAsync())
        {
            entries++;
            var all = new StringBuilder().AppendJoin('\n', e.Actor, e.Kind, e.Message, e.Line).AppendJoin('\n', e.Data.Keys).AppendJoin('\n', e.Data.Values).ToString();
            Assert.DoesNotContain(Secret, all, StringComparison.Ordinal);
        }
        Assert.True(entries >= 14, $"only {entries} audit entries");
        SqliteConnection.ClearAllPools();
    }

    /// <summary>A webhook receiver on loopback that keeps every body it got.</summary>
    private sealed class Hook : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly StringBuilder bodies = new();

        public Hook()
        {
            Port = Loopback.FreePort();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public int Port { get; }

        public string Bodies
        {
            get
            {
                lock (bodies) return bodies.ToString();
            }
        }

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext c;
                try
                {
                    c = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                using (var reader = new StreamReader(c.Request.InputStream, Encoding.UTF8))
                {
                    var body = await reader.ReadToEndAsync();
                    lock (bodies) bodies.AppendLine(body);
                }
                c.Response.StatusCode = 200;
                c.Response.Close();
            }
        }

        public void Dispose() => listener.Close();
    }
}
