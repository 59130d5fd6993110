using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Xunit;

namespace Jaga.Testing;

/// <summary>A real OpenStack Swift with the S3 API on loopback, for the length of a test run: account, container, object
/// and proxy servers from a temp folder, S3 access key <see cref="AccessKey"/> and secret <see cref="SecretKey"/>. Use it
/// as a collection fixture so one store serves the run, and <see cref="CreateBucketAsync"/> for a bucket of one's own.</summary>
/// <remarks>As root, the servers run as user <c>swift</c> (through <c>setpriv</c>, which keeps the PID, so stopping a
/// server is killing one known process). <see cref="Stop"/> and <see cref="StartAsync"/> take the store down and bring it
/// back on the same port, for tests of an unreachable destination. Everything is killed on dispose and, failing that,
/// when the process exits; servers left by a test host that was killed outright are killed by the next run.</remarks>
public sealed class SwiftServer : IAsyncLifetime, IDisposable
{
    public const string AccessKey = "test:tester";
    public const string SecretKey = "testing";
    public const string Region = "us-east-1";

    private const string FolderPrefix = "jaga-swift-";
    private const string OwnerFile = "owner.pid";
    private const string PidsFile = "servers.pid";
    private const string ServiceUser = "swift";
    private static readonly string[] Servers = [.. SwiftConfig.Backends, "proxy"];
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Lock gate = new();
    private readonly List<Process> running = [];
    private readonly bool asRoot = Environment.IsPrivilegedProcess;
    private string? folder;
    private Dictionary<string, int> ports = [];
    private int buckets;

    public int Port => ports.TryGetValue("proxy", out var port) ? port : throw NotStarted();

    /// <summary>The S3 endpoint, <c>http://127.0.0.1:port</c>.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    public bool IsRunning
    {
        get
        {
            lock (gate) return running.Count > 0;
        }
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.Run(Dispose);

    /// <summary>Sets the store up on first use, then starts its servers (again, after <see cref="Stop"/>, on the same ports).</summary>
    public async Task StartAsync()
    {
        if (IsRunning) return;
        if (folder is not null)
        {
            await LaunchAllAsync();
            return;
        }
        // Another process can take a free port between our look and a server's bind: then set up again on others.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SetUpAsync();
                await LaunchAllAsync();
                return;
            }
            catch (Exception) when (attempt < 3)
            {
                Dispose();
            }
            catch
            {
                Dispose();
                throw;
            }
        }
    }

    /// <summary>Kills every server at once, as a crash or a lost network would; the data stays for <see cref="StartAsync"/>.</summary>
    public void Stop()
    {
        lock (gate)
        {
            foreach (var p in running)
            {
                try
                {
                    p.Kill();
                    p.WaitForExit(TimeSpan.FromSeconds(10));
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
                p.Dispose();
            }
            running.Clear();
        }
    }

    /// <summary>Kills the servers and deletes the store.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            Stop();
            if (folder is not null) FixtureFolders.TryDelete(folder);
            folder = null;
        }
    }

    /// <summary>An S3 client for the store, as the tests' own eyes (listing multipart uploads, making buckets).</summary>
    public AmazonS3Client CreateClient() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = Endpoint,
        ForcePathStyle = true,
        AuthenticationRegion = Region,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    /// <summary>Creates an empty bucket with a name no other test uses and returns the name.</summary>
    public async Task<string> CreateBucketAsync(CancellationToken ct = default)
    {
        var name = $"jaga-{Interlocked.Increment(ref buckets)}-{Guid.NewGuid():N}"[..32];
        using var client = CreateClient();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name }, ct);
        return name;
    }

    private async Task SetUpAsync()
    {
        if (!File.Exists("/usr/bin/swift-proxy-server"))
            throw new InvalidOperationException("OpenStack Swift is not installed: apt-get install swift swift-proxy swift-account swift-container swift-object (scripts/test.sh does)");
        SwiftSweep.KillAbandoned(FolderPrefix, OwnerFile, PidsFile);
        folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        // Subscribed before any server starts, so no path out of here leaves one running.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        var etc = Directory.CreateDirectory(Path.Combine(folder, "etc")).FullName;
        var devices = Path.Combine(folder, "node");
        Directory.CreateDirectory(Path.Combine(devices, "sdb1"));
        Directory.CreateDirectory(Path.Combine(folder, "log"));
        ports = Servers.ToDictionary(s => s, _ => Loopback.FreePort());
        await SwiftConfig.WriteAsync(etc, devices, ports, asRoot ? ServiceUser : Environment.UserName);
        await SwiftConfig.BuildRingsAsync(etc, ports);
        if (asRoot)
        {
            var chown = await ChildProcess.RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", folder], TimeSpan.FromMinutes(1));
            if (chown.ExitCode != 0) throw new InvalidOperationException($"chown failed (does user {ServiceUser} exist? the swift package creates it):\n{chown.Output}");
        }
    }

    private async Task LaunchAllAsync()
    {
        lock (gate)
        {
            var etc = Path.Combine(folder!, "etc");
            foreach (var server in Servers)
                running.Add(Launch(server, etc));
            File.WriteAllLines(Path.Combine(folder!, PidsFile), running.Select(p => p.Id.ToString(CultureInfo.InvariantCulture)));
        }
        try
        {
            await WaitUntilReadyAsync();
        }
        catch
        {
            Stop();
            throw;
        }
    }

    /// <summary>Starts one server with its output appended to log/&lt;server&gt;.log; <c>exec</c> keeps the shell's PID.</summary>
    private Process Launch(string server, string etc)
    {
        var conf = Path.Combine(etc, $"{server}-server.conf");
        var log = Path.Combine(folder!, "log", $"{server}.log");
        var asUser = asRoot ? $"setpriv --reuid={ServiceUser} --regid={ServiceUser} --init-groups " : "";
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true, WorkingDirectory = folder! };
        foreach (var a in (string[])["-c", $"exec {asUser}/usr/bin/swift-{server}-server '{conf}' --verbose >>'{log}' 2>&1"])
            info.ArgumentList.Add(a);
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start swift-{server}-server");
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            lock (gate)
            {
                if (running.FirstOrDefault(p => p.HasExited) is { } dead)
                    throw new InvalidOperationException($"a Swift server exited at start (exit code {dead.ExitCode}):\n{Logs()}");
            }
            if (Servers.All(s => Accepts(ports[s])))
            {
                try
                {
                    if (await http.GetStringAsync($"{Endpoint}/healthcheck") == "OK") return;
                }
                catch (HttpRequestException)
                {
                    // Not yet.
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Swift did not become ready within {ReadyTimeout.TotalSeconds:0} s:\n{Logs()}");
    }

    private string Logs() => string.Join('\n', Servers.Select(s =>
    {
        var log = Path.Combine(folder!, "log", $"{s}.log");
        return $"--- {s}\n{(File.Exists(log) ? File.ReadAllText(log) : "(no log)")}";
    }));

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static InvalidOperationException NotStarted() => new("the Swift store has not been started (call StartAsync first)");
}
