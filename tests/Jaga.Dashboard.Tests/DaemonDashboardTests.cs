using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jaga.Dashboard.Security;
using Jaga.Testing;

namespace Jaga.Dashboard.Tests;

/// <summary>The dashboard as a newcomer meets it: the real <c>jaga run</c> process on a free loopback port writes the first
/// admin's password once to a 0600 file (its output is not a terminal); it signs in and shows the overview; a token from <c>jaga token create</c> reads <c>/api/status</c>,
/// which is what <c>jaga status --json</c> prints; the health and heartbeat URLs need no sign-in; no secret reaches a page or
/// the log.</summary>
public sealed partial class DaemonDashboardTests : IDisposable
{
    private const string Secret = "hb-52c0e8a1f7d94b36";

    private readonly string dir = Directory.CreateTempSubdirectory("jaga-dashboard-run-").FullName;
    private readonly int port = Loopback.FreePort();

    private string PlanPath => Path.Combine(dir, "jaga.yaml");

    private Uri Url => new($"http://127.0.0.1:{port}");

    [Fact]
    public async Task The_first_run_writes_the_admin_password_to_a_private_file_when_not_on_a_terminal_and_it_signs_in_to_the_overview_and_a_token_reads_the_api()
    {
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        File.WriteAllText(Path.Combine(dir, "data", "hello.txt"), "hello\n");
        File.WriteAllText(PlanPath, $$"""
            version: 1
            project: dashboard
            timezone: UTC
            language: en
            state: .jaga/state.db
            listen: 127.0.0.1:{{port}}
            log: { file: logs/maintenance.log }
            destinations:
              local: { path: backup/ }
            backup:
              - { name: files, source: { files: [data/] }, schedule: "0 2 * * *", to: [local] }
            monitoring:
              checks:
                - name: cron
                  heartbeat: { every: 1h, token: {{Secret}} }

            """);
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        string password;
        using (var daemon = new RunningJaga(PlanPath, dir, ["run"]))
        {
            // Its output is not a terminal (as under systemd, whose journal keeps it): the password goes to a file beside
            // the state that only its owner reads, and the console names the file.
            var file = Path.Combine(dir, ".jaga", "dashboard-admin.txt");
            await WaitForAsync(() => daemon.HasExited || daemon.Output.Contains(file, StringComparison.Ordinal), TimeSpan.FromSeconds(90), () => daemon.Output);
            Assert.Contains($"Dashboard: http://127.0.0.1:{port}/ — sign in as admin with the password in {file}", daemon.Output, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            var printed = AdminLine().Match(File.ReadAllText(file));
            Assert.Equal($"http://127.0.0.1:{port}/", printed.Groups[1].Value);
            password = printed.Groups[2].Value;
            Assert.DoesNotContain(password, daemon.Output, StringComparison.Ordinal);

            using var anonymous = new Browser(Url);
            Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/")).StatusCode);
            using var healthz = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
            Assert.Equal(SecurityHeaders.Policy, healthz.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"/ping/{Secret}", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);

            using var browser = new Browser(Url);
            await browser.SignInOkAsync("admin", password);
            var overview = await browser.PageAsync("/");
            Assert.Contains(">Backups</h2>", overview, StringComparison.Ordinal);
            // The job never ran, so the daemon runs it at once: the card says it waits for it or that it succeeded.
            Assert.True(overview.Contains("not run yet: backup:files", StringComparison.Ordinal)
                || overview.Contains("1 backup job(s); every last run succeeded", StringComparison.Ordinal), overview);

            var created = await JagaAsync("--json", "token", "create", "ci", "--role", "viewer");
            var token = (string)JsonNode.Parse(created)!["token"]!;
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var api = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/status", UriKind.Relative)))!;
            var cli = JsonNode.Parse(await JagaAsync("--json", "status"))!;
            // The same report: every job jaga status lists, with the daemon's own monitoring jobs besides (check:…, which a
            // CLI process does not schedule).
            Assert.Subset(Jobs(api).ToHashSet(), Jobs(cli).ToHashSet());
            Assert.Contains("backup:files", Jobs(cli));
            Assert.Equal(cli["nodes"]!.AsArray().Count, api["nodes"]!.AsArray().Count);

            foreach (var seen in new[] { overview, api.ToJsonString(), await http.GetStringAsync(new Uri("/api/checks", UriKind.Relative)) })
                Assert.DoesNotContain(Secret, seen, StringComparison.Ordinal);
            await daemon.TerminateAsync();
        }

        // A restart makes no second admin, and prints no password again.
        using (var again = new RunningJaga(PlanPath, dir, ["run"]))
        {
            await WaitForAsync(() => again.HasExited || again.Output.Contains("jaga run: node", StringComparison.Ordinal), TimeSpan.FromSeconds(90), () => again.Output);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.DoesNotMatch(AdminLine(), again.Output);
            Assert.DoesNotContain("dashboard-admin.txt", again.Output, StringComparison.Ordinal);
            await again.TerminateAsync();
        }
        var log = File.ReadAllText(Path.Combine(dir, "logs", "maintenance.log"));
        Assert.DoesNotContain(password, log, StringComparison.Ordinal);
        Assert.Single(log.Split('\n'), l => l.Contains("[INFO] Dashboard user admin created on the first run", StringComparison.Ordinal));
        Assert.Contains("[INFO] admin signed in to the dashboard from 127.0.0.1", log, StringComparison.Ordinal);
        Assert.Contains("[INFO] API token ", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_add_takes_the_password_from_stdin_never_an_argument_and_list_shows_no_hash()
    {
        File.WriteAllText(PlanPath, $"version: 1\nproject: users\ntimezone: UTC\nlanguage: id\nstate: .jaga/state.db\nlisten: 127.0.0.1:{port}\nlog: {{ file: logs/maintenance.log }}\n");

        var added = await ShAsync($"printf '%s\\n' 'a long enough password' | dotnet {RunningJaga.JagaDll} --plan {PlanPath} user add sari --role operator --password-stdin");
        var again = await ShAsync($"printf '%s\\n' 'a long enough password' | dotnet {RunningJaga.JagaDll} --plan {PlanPath} user add sari --role viewer --password-stdin");
        var shortOne = await ShAsync($"printf '%s\\n' 'short' | dotnet {RunningJaga.JagaDll} --plan {PlanPath} user add budi --role viewer --password-stdin");
        var badRole = await ShAsync($"dotnet {RunningJaga.JagaDll} --plan {PlanPath} user add budi --role root --password-stdin </dev/null");
        var list = JsonNode.Parse(await JagaAsync("--json", "user", "list"))!.AsArray();

        Assert.True(added.ExitCode == 0, added.Output);
        Assert.Contains("Pengguna sari ditambahkan (operator).", added.Output, StringComparison.Ordinal);
        Assert.Equal((2, true), (again.ExitCode, again.Output.Contains("sudah ada pengguna dasbor 'sari'", StringComparison.Ordinal)));
        Assert.Equal((2, true), (shortOne.ExitCode, shortOne.Output.Contains("kata sandi lebih pendek dari 12 karakter", StringComparison.Ordinal)));
        Assert.Equal((2, true), (badRole.ExitCode, badRole.Output.Contains("tidak ada peran 'root'", StringComparison.Ordinal)));
        var sari = Assert.Single(list)!;
        Assert.Equal(("sari", "operator"), ((string)sari["name"]!, (string)sari["role"]!));
        Assert.DoesNotContain("AQAAAA", list.ToJsonString(), StringComparison.Ordinal);
        var log = File.ReadAllText(Path.Combine(dir, "logs", "maintenance.log"));
        Assert.Contains("[INFO] Pengguna dasbor sari ditambahkan dengan peran operator", log, StringComparison.Ordinal);
        Assert.DoesNotContain("a long enough password", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_dashboard_metrics_token_metrics_needs_an_api_token_and_healthz_stays_open()
    {
        File.WriteAllText(PlanPath, $"version: 1\nproject: metrics\ntimezone: UTC\nstate: .jaga/state.db\nlisten: 127.0.0.1:{port}\nlog: {{ file: logs/maintenance.log }}\ndashboard: {{ metrics: token }}\n");
        var token = (string)JsonNode.Parse(await JagaAsync("--json", "token", "create", "prometheus", "--role", "viewer"))!["token"]!;
        using var daemon = new RunningJaga(PlanPath, dir, ["run"]);
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        await WaitForAsync(() => daemon.HasExited || daemon.Output.Contains("jaga run: node", StringComparison.Ordinal), TimeSpan.FromSeconds(90), () => daemon.Output);

        using var anonymous = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var healthz = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", token);
        using var withToken = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Contains("jaga_build_info", await withToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await daemon.TerminateAsync();
    }

    /// <summary>Asks again until the daemon has said what it should, or gives up with what it said.</summary>
    private static async Task WaitForAsync(Func<bool> done, TimeSpan timeout, Func<string> output)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (!done())
        {
            if (limit.IsCancellationRequested) Assert.Fail("the daemon did not get there in time:\n" + output());
            await Task.Delay(200, CancellationToken.None);
        }
    }

    private static string[] Jobs(JsonNode status) => [.. status["jobs"]!.AsArray().Select(j => (string)j!["job"]!).Order(StringComparer.Ordinal)];

    private async Task<string> JagaAsync(params string[] args)
    {
        var r = await ChildProcess.RunAsync("dotnet", [RunningJaga.JagaDll, "--plan", PlanPath, .. args], TimeSpan.FromSeconds(120), dir);
        Assert.True(r.ExitCode is 0 or 1, r.Output);
        return r.Output;
    }

    private Task<ChildProcess.Result> ShAsync(string script) => ChildProcess.RunAsync("sh", ["-c", script], TimeSpan.FromSeconds(120), dir);

    [GeneratedRegex(@"Dashboard: (\S+) — sign in as admin with password (\S+) \(shown once")]
    private static partial Regex AdminLine();

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
