using System.Globalization;
using Npgsql;
using Xunit;

namespace Jaga.Testing;

/// <summary>A real, throw-away PostgreSQL server on loopback for the length of a test run: a fresh cluster in a
/// temp folder, trust authentication for user <c>jaga</c>, fsync off. Use it as a collection fixture so one
/// server serves the whole run, and <see cref="CreateDatabaseAsync"/> for a clean database per test.</summary>
/// <remarks>When the tests run as root (as in CI containers) the server runs as user <c>postgres</c>, since
/// PostgreSQL refuses to run as root. It is stopped on dispose and, failing that, when the process exits;
/// a server left by a test host that was killed outright is stopped by the next run that starts one.</remarks>
public sealed class PostgresServer : IAsyncLifetime, IDisposable
{
    public const string User = "jaga";
    public const string Host = "127.0.0.1";

    private const string FolderPrefix = "jaga-pg-";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);

    private readonly Lock gate = new();
    private PostgresBinaries? binaries;
    private bool asRoot;
    private string? folder;
    private NpgsqlDataSource? admin;
    private int databases;

    public int Port { get; private set; }

    public string DataDirectory => Path.Combine(folder ?? throw NotStarted(), "data");

    public string LogFile => Path.Combine(folder ?? throw NotStarted(), "server.log");

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => StopAsync();

    public async Task StartAsync()
    {
        binaries = PostgresBinaries.Find();
        asRoot = await IsRootAsync();
        StopAbandonedServers();
        folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(folder, "sock"));
        // Subscribed before the server starts, so no path out of here leaves it running.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        try
        {
            if (asRoot) await MustAsync("chown", ["-R", "postgres:postgres", folder]);
            await MustAsync(binaries.InitDb,
                ["-D", DataDirectory, "-A", "trust", "-U", User, "--no-sync", "-E", "UTF8", "--locale=C", "--no-instructions"], asServerUser: true);
            await StartOnFreePortAsync();
            admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder
            {
                Host = Host,
                Port = Port,
                Username = User,
                Database = "postgres",
                Pooling = true,
            }.ConnectionString);
        }
        catch
        {
            Stop();
            throw;
        }
    }

    /// <summary>Creates an empty database with a name no other test uses and returns its <c>postgres://</c> URL,
    /// with <paramref name="password"/> in it if given (trust authentication accepts any).</summary>
    public async Task<string> CreateDatabaseAsync(string? password = null, CancellationToken ct = default)
    {
        var db = admin ?? throw NotStarted();
        var name = $"jaga_test_{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}"[..40];
        await using var create = db.CreateCommand($"CREATE DATABASE \"{name}\"");
        await create.ExecuteNonQueryAsync(ct);
        return Url(name, password);
    }

    /// <summary>The URL of <paramref name="database"/>; trust authentication accepts any <paramref name="password"/>.</summary>
    public string Url(string database, string? password = null) =>
        $"postgres://{User}{(password is null ? "" : ":" + Uri.EscapeDataString(password))}@{Host}:{Port}/{database}";

    public Task StopAsync() => Task.Run(Stop);

    /// <summary>Shuts the server down but keeps its data, folder and port, as an outage of the state store would look to
    /// its clients; <see cref="ResumeAsync"/> starts it again on the same port.</summary>
    public async Task PauseAsync()
    {
        var (file, args) = AsServerUser(asRoot, binaries?.PgCtl ?? throw NotStarted(), ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"]);
        var stop = await ChildProcess.RunAsync(file, args, ToolTimeout, folder);
        if (stop.ExitCode != 0) throw new InvalidOperationException($"PostgreSQL did not stop:\n{stop.Output}");
        // Pooled connections to the old server are dead: the next command gets a new one.
        admin?.Clear();
    }

    /// <summary>Starts a server that <see cref="PauseAsync"/> stopped, on its old port (clients reconnect to the same URL).</summary>
    public async Task ResumeAsync()
    {
        var start = await StartOnPortAsync(Port);
        if (start.ExitCode != 0) throw new InvalidOperationException($"PostgreSQL did not start again on port {Port}:\n{start.Output}\n{ReadLog()}");
    }

    public void Dispose() => Stop();

    /// <summary>Stops the server at once (no shutdown checkpoint: the data is thrown away) and deletes its folder.</summary>
    public void Stop()
    {
        lock (gate)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            admin?.Dispose();
            admin = null;
            if (folder is null || binaries is null) return;
            StopCluster(binaries.PgCtl, DataDirectory, asRoot);
            FixtureFolders.TryDelete(folder);
            folder = null;
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private async Task StartOnFreePortAsync()
    {
        // Another process can take the free port between our look and the server's bind: then try another.
        for (var attempt = 1; ; attempt++)
        {
            Port = Loopback.FreePort();
            var start = await StartOnPortAsync(Port);
            if (start.ExitCode == 0) return;
            StopCluster(binaries!.PgCtl, DataDirectory, asRoot);
            if (attempt == 3)
                throw new InvalidOperationException($"PostgreSQL did not start:\n{start.Output}\n{ReadLog()}");
        }
    }

    private Task<ChildProcess.Result> StartOnPortAsync(int port)
    {
        var options = string.Join(' ',
            $"-p {port}", $"-k '{Path.Combine(folder!, "sock")}'", $"-c listen_addresses={Host}",
            "-c fsync=off", "-c full_page_writes=off", "-c synchronous_commit=off", "-c max_connections=300");
        var (file, args) = AsServerUser(asRoot, binaries!.PgCtl, ["-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", options, "start"]);
        return ChildProcess.RunAsync(file, args, ToolTimeout, folder);
    }

    private string ReadLog()
    {
        try
        {
            return File.ReadAllText(LogFile);
        }
        catch (IOException)
        {
            return "(no server log)";
        }
    }

    private static void StopCluster(string pgCtl, string dataDirectory, bool asRoot)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "postmaster.pid"))) return;
        var (file, args) = AsServerUser(asRoot, pgCtl, ["-D", dataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"]);
        ChildProcess.Run(file, args, ToolTimeout, "/");
    }

    /// <summary>Stops the servers of earlier runs whose test host died without cleaning up.</summary>
    private void StopAbandonedServers()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                var owner = Path.Combine(dir, OwnerFile);
                if (!File.Exists(owner))
                {
                    // A folder another run has only just made has no owner file yet.
                    // Real time, as the file system's: a fixture's, not the code under test's.
#pragma warning disable RS0030
                    if (Directory.GetCreationTimeUtc(dir) < TimeProvider.System.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1)) FixtureFolders.TryDelete(dir);
#pragma warning restore RS0030
                    continue;
                }
                if (FixtureFolders.IsAlive(int.Parse(File.ReadAllText(owner).Trim(), CultureInfo.InvariantCulture))) continue;
                StopCluster(binaries!.PgCtl, Path.Combine(dir, "data"), asRoot);
                FixtureFolders.TryDelete(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Not ours to worry about: another run's folder in an unexpected state.
            }
        }
    }

    /// <summary>PostgreSQL refuses to run as root: as root, server programs run as user postgres.</summary>
    private static (string File, string[] Args) AsServerUser(bool asRoot, string program, string[] args) =>
        asRoot ? ("runuser", ["-u", "postgres", "--", program, .. args]) : (program, args);

    private async Task MustAsync(string program, string[] arguments, bool asServerUser = false)
    {
        var (file, args) = AsServerUser(asServerUser && asRoot, program, arguments);
        var result = await ChildProcess.RunAsync(file, args, ToolTimeout, folder);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed with exit code {result.ExitCode}:\n{result.Output}");
    }

    private static async Task<bool> IsRootAsync()
    {
        if (Environment.UserName == "root") return true;
        var id = await ChildProcess.RunAsync("id", ["-u"], TimeSpan.FromSeconds(10));
        return id.Output.Trim() == "0";
    }

    private static InvalidOperationException NotStarted() => new("the PostgreSQL server has not been started (call StartAsync first)");
}
