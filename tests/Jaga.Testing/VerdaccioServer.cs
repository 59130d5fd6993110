using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Jaga.Testing;

/// <summary>A real private npm registry: Verdaccio 6 (installed once by <see cref="NpmTool"/>) on a free loopback port,
/// with no uplink (it never asks the internet), its storage and users in a temp folder. Packages under <c>@acme/</c> are
/// readable by logged-in users only; the rest by anyone. Users and tokens come from <see cref="CreateUserAsync"/>,
/// packages from the real <c>npm publish</c> (<see cref="PublishAsync"/>) and <c>npm deprecate</c>.</summary>
/// <remarks>Killed and its folder deleted on dispose and, failing that, when the process exits; a server left by a test
/// host that was killed outright is killed by the next run that starts one (Verdaccio renames its process, so it is
/// recognized by its working folder rather than its command line).</remarks>
public sealed class VerdaccioServer : IAsyncLifetime, IDisposable
{
    public const string Host = "127.0.0.1";
    public const string Spec = "verdaccio@6";
    public const string PrivateScope = "@acme";

    private const string FolderPrefix = "jaga-verdaccio-";
    private const string OwnerFile = "owner.pid";
    private const string PidsFile = "server.pid";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(2);

    private readonly Lock gate = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Process? process;
    private string? folder;

    public int Port { get; private set; }

    /// <summary>The registry's URL, <c>http://127.0.0.1:port/</c>.</summary>
    public string Url => $"http://{Host}:{Port}/";

    public string LogFile => Path.Combine(Folder, "verdaccio.log");

    private string Folder => folder ?? throw new ObjectDisposedException(nameof(VerdaccioServer));

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.Run(Dispose);

    /// <summary>Adds a user (as <c>npm adduser</c> does) and returns the token the registry gave it.</summary>
    public async Task<string> CreateUserAsync(string name, string password)
    {
        using var response = await http.PutAsJsonAsync($"{Url}-/user/org.couchdb.user:{name}", new { name, password });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Verdaccio refused user {name}: {(int)response.StatusCode} {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("token").GetString() ?? throw new InvalidOperationException($"no token for {name}: {body}");
    }

    /// <summary>Publishes a package with one version, as its author would: a package.json and <c>npm publish</c>.</summary>
    public async Task PublishAsync(string name, string version, string token)
    {
        var package = Directory.CreateDirectory(Path.Combine(Folder, "publish", name.Replace('/', '-'), version)).FullName;
        await File.WriteAllTextAsync(Path.Combine(package, "package.json"), JsonSerializer.Serialize(new { name, version, description = "a Jaga test package", license = "MIT" }));
        await File.WriteAllTextAsync(Path.Combine(package, "index.js"), "module.exports = 1;\n");
        await NpmAsync(package, token, "publish");
    }

    /// <summary>Deprecates the versions <paramref name="range"/> of a package with <c>npm deprecate</c>.</summary>
    public Task DeprecateAsync(string name, string range, string message, string token) =>
        NpmAsync(Folder, token, "deprecate", $"{name}@{range}", message);

    public void Dispose()
    {
        lock (gate)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            Kill();
            if (folder is not null) FixtureFolders.TryDelete(folder);
            folder = null;
        }
        http.Dispose();
    }

    /// <summary>Runs npm against this registry only: its own user config (the token), its own cache.</summary>
    private async Task NpmAsync(string workingDirectory, string token, params string[] args)
    {
        var userConfig = Path.Combine(Folder, "publisher.npmrc");
        await File.WriteAllTextAsync(userConfig, $"//{Host}:{Port}/:_authToken={token}\nregistry={Url}\n");
        string[] all = [.. args, "--registry", Url, "--userconfig", userConfig, "--cache", Path.Combine(Folder, "npm-cache"), "--no-audit", "--no-fund", "--loglevel=error"];
        var result = await ChildProcess.RunAsync("npm", all, NpmTimeout, workingDirectory);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"npm {string.Join(' ', args)} failed (exit {result.ExitCode}):\n{result.Output}\n{ReadLog()}");
    }

    private async Task StartAsync()
    {
        NpmTool.Require("node");
        var installed = await NpmTool.InstalledAsync(Spec);
        KillAbandoned();
        folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        for (var attempt = 1; ; attempt++)
        {
            Port = Loopback.FreePort();
            await File.WriteAllTextAsync(Path.Combine(folder, "config.yaml"), $"""
                storage: ./storage
                auth:
                  htpasswd:
                    file: ./htpasswd
                    max_users: 100
                packages:
                  '{PrivateScope}/*':
                    access: $authenticated
                    publish: $authenticated
                  '**':
                    access: $all
                    publish: $authenticated
                listen: {Host}:{Port}
                log: {"{"} type: stdout, format: pretty, level: http {"}"}
                """);
            Launch(Path.Combine(installed, "node_modules", "verdaccio", "bin", "verdaccio"));
            try
            {
                await WaitUntilReadyAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && ReadLog().Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                Kill();
            }
        }
    }

    private void Launch(string script)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true, WorkingDirectory = Folder };
        foreach (var a in (string[])["-c", $"exec node '{script}' --config ./config.yaml >>'{LogFile}' 2>&1"])
            info.ArgumentList.Add(a);
        lock (gate)
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("could not start Verdaccio");
            File.WriteAllText(Path.Combine(Folder, PidsFile), process.Id.ToString(CultureInfo.InvariantCulture));
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout)
        {
            if (process!.HasExited)
                throw new InvalidOperationException($"Verdaccio exited at start (exit code {process.ExitCode}):\n{ReadLog()}");
            try
            {
                using var response = await http.GetAsync($"{Url}-/ping");
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Verdaccio did not answer /-/ping within {ReadyTimeout.TotalSeconds:0} s:\n{ReadLog()}");
    }

    /// <summary>The server's log: one line per request at level <c>http</c>.</summary>
    public string ReadLog() => ChildProcess.ReadLog(LogFile);

    /// <summary>Kills the servers of earlier runs whose test host died, by the PID they recorded, and only a process whose
    /// working folder is still that run's folder (a PID can be reused).</summary>
    private static void KillAbandoned()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                var owner = Path.Combine(dir, OwnerFile);
                if (!File.Exists(owner) || FixtureFolders.IsAlive(int.Parse(File.ReadAllText(owner).Trim(), CultureInfo.InvariantCulture))) continue;
                var pids = Path.Combine(dir, PidsFile);
                if (File.Exists(pids))
                {
                    var pid = int.Parse(File.ReadAllText(pids).Trim(), CultureInfo.InvariantCulture);
                    var cwd = new FileInfo($"/proc/{pid}/cwd").LinkTarget;
                    if (cwd is not null && cwd.StartsWith(dir, StringComparison.Ordinal))
                    {
                        using var p = Process.GetProcessById(pid);
                        p.Kill(entireProcessTree: true);
                        p.WaitForExit(TimeSpan.FromSeconds(10));
                    }
                }
                FixtureFolders.TryDelete(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or InvalidOperationException)
            {
                // Not ours to worry about: another run's folder in an unexpected state.
            }
        }
    }

    private void Kill()
    {
        lock (gate)
        {
            if (process is null) return;
            ChildProcess.KillTree(process);
            process = null;
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();
}
