using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace Jaga.Testing;

/// <summary>A real, throw-away OpenSSH server on loopback (<c>/usr/sbin/sshd -D -e</c>) serving SFTP with
/// <c>internal-sftp</c>: its own ed25519 and RSA host keys and config in a temp folder, key and password login for
/// <see cref="User"/> only (see <see cref="SshTestUser"/>). Use it as a class fixture (one server per test class, so
/// one class stopping it never disturbs another), <see cref="CreateFolderAsync"/> for a clean remote folder per test,
/// and <see cref="Stop"/>/<see cref="StartAsync"/> to take the "destination" down and back.</summary>
/// <remarks>sshd needs root (privilege separation, switching to the user), so the tests must run as root, as they do
/// in CI containers; otherwise starting fails and says so. The server is stopped on dispose and, failing that,
/// when the process exits; one left by a test host that was killed outright is stopped by the next run that starts one.</remarks>
public sealed class SshServer : IAsyncLifetime, IDisposable
{
    public const string User = SshTestUser.Name;
    public const string Host = "127.0.0.1";
    public const string Sshd = "/usr/sbin/sshd";

    private const string FolderPrefix = "jaga-sshd-";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly StringBuilder log = new();
    private string? folder;
    private Process? sshd;
    private int folders;
    private bool listened;
    private string hostKey = "";
    private string rsaHostKey = "";

    public int Port { get; private set; }

    /// <summary>The password of <see cref="User"/>.</summary>
    public static string Password => SshTestUser.Password;

    /// <summary>The host key's fingerprint as <c>ssh-keygen -lf</c> prints it: <c>SHA256:…</c>.</summary>
    public string HostKeyFingerprint { get; private set; } = "";

    /// <summary>The host key as a known_hosts line: <c>[127.0.0.1]:port ssh-ed25519 AAAA…</c>.</summary>
    public string KnownHostsLine => $"[{Host}]:{Port} {hostKey}";

    /// <summary>The server's second host key, an RSA one, as a known_hosts line.</summary>
    public string RsaKnownHostsLine => $"[{Host}]:{Port} {rsaHostKey}";

    /// <summary>An unencrypted OpenSSH ed25519 private key that may log in as <see cref="User"/>.</summary>
    public string ClientKeyFile => Path.Combine(Folder, "client_ed25519");

    /// <summary>An unencrypted OpenSSH RSA private key that may log in as <see cref="User"/>.</summary>
    public string ClientRsaKeyFile => Path.Combine(Folder, "client_rsa");

    public string Folder => folder ?? throw NotStarted();

    /// <summary>What sshd has printed so far, for failing tests to show.</summary>
    public string Log
    {
        get
        {
            lock (log) return log.ToString();
        }
    }

    public bool IsRunning => sshd is { HasExited: false };

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.Run(Dispose);

    /// <summary>Sets everything up and starts sshd on a free port; after <see cref="Stop"/>, starts it again on the same port.</summary>
    public async Task StartAsync()
    {
        if (folder is null) await SetUpAsync();
        if (IsRunning) return;
        for (var attempt = 1; ; attempt++)
        {
            var result = await TryStartAsync();
            if (result is null) return;
            if (attempt == 5) throw new InvalidOperationException($"sshd did not start on port {Port}:\n{result}");
            // The port was taken: a fresh server picks another; a restarted one waits for its own to be free.
            if (result.Contains("Address already in use", StringComparison.Ordinal) && !listened) Port = Loopback.FreePort();
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
        }
    }

    /// <summary>Kills sshd and every session it serves: clients see the connection drop and new ones refused.</summary>
    public void Stop()
    {
        lock (gate)
        {
            if (sshd is null) return;
            ChildProcess.KillTree(sshd);
            sshd = null;
        }
    }

    /// <summary>A new empty folder owned by <see cref="User"/>, as an absolute path on the server (which is this machine).</summary>
    public async Task<string> CreateFolderAsync()
    {
        var path = Path.Combine(Folder, "remote", $"t{Interlocked.Increment(ref folders)}");
        Directory.CreateDirectory(path);
        await MustAsync("chown", [$"{User}:", path]);
        return path;
    }

    /// <summary><c>sftp://jagatest[:password]@127.0.0.1:port/path</c>.</summary>
    public string Url(string path, string? password = null) =>
        $"sftp://{User}{(password is null ? "" : ":" + Uri.EscapeDataString(password))}@{Host}:{Port}{path}";

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Stop();
        if (folder is not null) FixtureFolders.TryDelete(folder);
        folder = null;
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    private async Task SetUpAsync()
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("the SFTP tests start OpenSSH's sshd, on Linux");
        if (!File.Exists(Sshd)) throw new InvalidOperationException($"{Sshd} is missing: install openssh-server (scripts/test.sh does)");
        if ((await ChildProcess.RunAsync("id", ["-u"], ToolTimeout)).Output.Trim() != "0")
            throw new InvalidOperationException("the SFTP tests start sshd, which needs root (privilege separation): run them as root, e.g. in a container");
        StopAbandonedServers();
        await SshTestUser.EnsureAsync(ToolTimeout);
        // sshd's privilege-separation chroot; a package install makes it only at boot.
        Directory.CreateDirectory("/run/sshd");
        folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        // The session runs as the test user, who must reach authorized_keys and the remote folders under here.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        Directory.CreateDirectory(Path.Combine(folder, "remote"));
        var hostKeyFile = Path.Combine(folder, "host_ed25519");
        await MustAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "jaga-test-host", "-f", hostKeyFile]);
        var rsaHostKeyFile = Path.Combine(folder, "host_rsa");
        await MustAsync("ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-N", "", "-C", "jaga-test-host", "-f", rsaHostKeyFile]);
        await MustAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "jaga-test-client", "-f", ClientKeyFile]);
        await MustAsync("ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-N", "", "-C", "jaga-test-client", "-f", ClientRsaKeyFile]);
        var authorized = Path.Combine(folder, "authorized_keys");
        await File.WriteAllTextAsync(authorized, await File.ReadAllTextAsync(ClientKeyFile + ".pub") + await File.ReadAllTextAsync(ClientRsaKeyFile + ".pub"));
        File.SetUnixFileMode(authorized, (UnixFileMode)0b110_100_100);
        Port = Loopback.FreePort();
        await File.WriteAllTextAsync(Path.Combine(folder, "sshd_config"), string.Join('\n',
            "ListenAddress " + Host, "HostKey " + hostKeyFile, "HostKey " + rsaHostKeyFile, "PidFile " + Path.Combine(folder, "sshd.pid"),
            "AuthorizedKeysFile " + authorized, "StrictModes no", "UsePAM no", "PasswordAuthentication yes",
            "KbdInteractiveAuthentication no", "PubkeyAuthentication yes", "PermitRootLogin no", "AllowUsers " + User,
            "Subsystem sftp internal-sftp", "ForceCommand internal-sftp", "AllowTcpForwarding no", "X11Forwarding no",
            "MaxStartups 100", "LogLevel VERBOSE", ""));
        // "256 SHA256:… jaga-test-host (ED25519)"
        HostKeyFingerprint = (await MustAsync("ssh-keygen", ["-lf", hostKeyFile + ".pub"])).Split(' ')[1];
        hostKey = await PublicKeyAsync(hostKeyFile);
        rsaHostKey = await PublicKeyAsync(rsaHostKeyFile);
    }

    /// <summary>Starts sshd on <see cref="Port"/>; null once it listens, else what it printed before it died.</summary>
    private async Task<string?> TryStartAsync()
    {
        var listening = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = ChildProcess.Start(Sshd, ["-D", "-e", "-f", Path.Combine(Folder, "sshd_config"), "-o", $"Port={Port}"]);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
            if (e.Data.StartsWith("Server listening on", StringComparison.Ordinal)) listening.TrySetResult(true);
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        lock (gate) sshd = process;
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(ToolTimeout));
        if (first == listening.Task)
        {
            listened = true;
            return null;
        }
        Stop();
        return first == exited ? Log : $"no 'Server listening' within {ToolTimeout.TotalSeconds:0} s:\n{Log}";
    }

    /// <summary>Stops the servers of earlier runs whose test host died without cleaning up.</summary>
    private static void StopAbandonedServers()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                var owner = Path.Combine(dir, OwnerFile);
                if (!File.Exists(owner) || FixtureFolders.IsAlive(int.Parse(File.ReadAllText(owner).Trim(), CultureInfo.InvariantCulture))) continue;
                var pidFile = Path.Combine(dir, "sshd.pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && FixtureFolders.IsAlive(pid)
                    && File.ReadAllText($"/proc/{pid}/cmdline").Contains(dir, StringComparison.Ordinal))
                {
                    using var old = Process.GetProcessById(pid);
                    old.Kill(entireProcessTree: true);
                }
                FixtureFolders.TryDelete(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or InvalidOperationException)
            {
                // Not ours to worry about: another run's folder in an unexpected state.
            }
        }
    }

    private async Task<string> MustAsync(string program, string[] args)
    {
        var result = await ChildProcess.RunAsync(program, args, ToolTimeout, folder);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed with exit code {result.ExitCode}:\n{result.Output}");
        return result.Output;
    }

    /// <summary>"type base64" from a .pub file, without its comment.</summary>
    private static async Task<string> PublicKeyAsync(string privateKeyFile)
    {
        var fields = (await File.ReadAllTextAsync(privateKeyFile + ".pub")).Split(' ');
        return $"{fields[0]} {fields[1]}";
    }

    private static InvalidOperationException NotStarted() => new("the SSH server has not been started (call StartAsync first)");
}
