using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace Jaga.Testing;

/// <summary>A real, throw-away MariaDB server on loopback: <c>mariadb-install-db</c> into a temp folder, <c>mariadbd</c>
/// on a free port of 127.0.0.1 with its own socket and pid file, a database <see cref="Database"/> and a user
/// <see cref="User"/> with password <see cref="Password"/>. As root the server runs as user <c>mysql</c> (it refuses
/// root). Stopped on dispose and, failing that, when the process exits.</summary>
public sealed class MariaDbServer : IAsyncLifetime, IDisposable
{
    public const string Host = "127.0.0.1";
    public const string Database = "jaga_test";
    public const string User = "jaga";
    public const string Password = "s3cret-Pa55";

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);
    private readonly Lock gate = new();
    private string? folder;
    private Process? server;
    private int databases;

    public int Port { get; private set; }

    /// <summary>The <c>mysql://</c> URL of the test database, with <paramref name="password"/> (the right one by default).</summary>
    public string Url(string? password = null) =>
        $"mysql://{User}:{Uri.EscapeDataString(password ?? Password)}@{Host}:{Port}/{Database}";

    /// <summary>Creates another empty database (utf8mb4) that <see cref="User"/> owns, with a name no other test uses,
    /// and returns its <c>mysql://</c> URL.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"jaga_{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}"[..30];
        await MustAsync("mariadb", ["--no-defaults", $"--socket={Socket}", "-u", "root", "-e",
            $"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin; GRANT ALL ON {name}.* TO '{User}'@'%';"]);
        return $"mysql://{User}:{Uri.EscapeDataString(Password)}@{Host}:{Port}/{name}";
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.Run(Stop);

    public async Task StartAsync()
    {
        var asRoot = Environment.UserName == "root" || (await ChildProcess.RunAsync("id", ["-u"], ToolTimeout)).Output.Trim() == "0";
        folder = Directory.CreateTempSubdirectory("jaga-mariadb-").FullName;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        try
        {
            if (asRoot) await MustAsync("chown", ["-R", "mysql:mysql", folder]);
            string[] user = asRoot ? ["--user=mysql"] : [];
            await MustAsync("mariadb-install-db",
                ["--no-defaults", $"--datadir={Data}", "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve", .. user]);
            for (var attempt = 1; ; attempt++)
            {
                Port = Loopback.FreePort();
                server = ChildProcess.Start("/usr/sbin/mariadbd",
                [
                    "--no-defaults", $"--datadir={Data}", $"--port={Port}", $"--bind-address={Host}", $"--socket={Socket}",
                    $"--pid-file={Path.Combine(folder, "mariadb.pid")}", $"--log-error={Path.Combine(folder, "error.log")}",
                    "--skip-name-resolve", "--skip-log-bin", "--innodb-buffer-pool-size=16M", .. user,
                ]);
                if (await ReadyAsync()) break;
                StopServer();
                if (attempt == 3) throw new InvalidOperationException($"mariadbd did not start:\n{ReadLog()}");
            }
            await MustAsync("mariadb", ["--no-defaults", $"--socket={Socket}", "-u", "root", "-e",
                $"CREATE DATABASE {Database}; CREATE USER '{User}'@'%' IDENTIFIED BY '{Password}'; GRANT ALL ON {Database}.* TO '{User}'@'%';"]);
        }
        catch
        {
            Stop();
            throw;
        }
    }

    public void Dispose() => Stop();

    public void Stop()
    {
        lock (gate)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            StopServer();
            if (folder is not null) FixtureFolders.TryDelete(folder);
            folder = null;
        }
    }

    private string Data => Path.Combine(folder!, "data");

    private string Socket => Path.Combine(folder!, "mariadb.sock");

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private async Task<bool> ReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (server is null || server.HasExited) return false;
            if (File.Exists(Socket))
            {
                var ping = await ChildProcess.RunAsync("mariadb", ["--no-defaults", $"--socket={Socket}", "-u", "root", "-e", "SELECT 1"], ToolTimeout);
                if (ping.ExitCode == 0) return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    private void StopServer()
    {
        if (server is null) return;
        try
        {
            if (!server.HasExited)
            {
                ChildProcess.Run("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
                if (!server.WaitForExit(TimeSpan.FromSeconds(30))) server.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
        server.Dispose();
        server = null;
    }

    private string ReadLog()
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder!, "error.log"));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
    }

    private async Task MustAsync(string program, string[] arguments)
    {
        var result = await ChildProcess.RunAsync(program, arguments, ToolTimeout, folder);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed with exit code {result.ExitCode}:\n{result.Output}");
    }
}
