using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace Jaga.Testing;

/// <summary>A real IMAP server offering STARTTLS for tests: Debian's <c>dovecot</c> in the foreground (<c>-F</c>) with a
/// configuration of its own in a temp folder, on a free port of 127.0.0.1, its certificate signed by a fresh
/// <see cref="TestCa"/> (valid for a day). No mailbox is ever opened: the tests stop after STARTTLS. Stopped on dispose
/// and, failing that, when the process exits.</summary>
public sealed class DovecotServer : IAsyncLifetime, IDisposable
{
    public const string Host = "127.0.0.1";
    public const string Binary = "/usr/sbin/dovecot";
    private const string PfxPassword = "jaga-test";

    private readonly Lock gate = new();
    private string? folder;
    private Process? server;

    public int Port { get; private set; }

    /// <summary>The PEM of the CA that signed the server's certificate.</summary>
    public string CaFile => Path.Combine(folder ?? throw new ObjectDisposedException(nameof(DovecotServer)), "ca.pem");

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.Run(Stop);

    public async Task StartAsync()
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"dovecot is not installed ({Binary}): apt-get install dovecot-imapd (scripts/test.sh does)");
        folder = Directory.CreateTempSubdirectory("jaga-dovecot-").FullName;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        try
        {
            using (var ca = TestCa.Create())
            {
                await File.WriteAllTextAsync(CaFile, ca.Pem);
                using var pfx = X509CertificateLoader.LoadPkcs12(ca.ServerPfx(PfxPassword), PfxPassword, X509KeyStorageFlags.Exportable);
                using var key = pfx.GetRSAPrivateKey() ?? throw new InvalidOperationException("the test certificate has no RSA key");
                await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), pfx.ExportCertificatePem());
                await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
            }
            for (var attempt = 1; ; attempt++)
            {
                Port = Loopback.FreePort();
                var config = Path.Combine(folder, "dovecot.conf");
                await File.WriteAllTextAsync(config, Config(folder, Port));
                server = ChildProcess.Start(Binary, ["-F", "-c", config]);
                if (await Loopback.ListeningAsync(server, Port, TimeSpan.FromSeconds(30))) break;
                StopServer();
                if (attempt == 3) throw new InvalidOperationException($"dovecot did not start:\n{ChildProcess.ReadLog(Path.Combine(folder, "dovecot.log"))}");
            }
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

    /// <summary>IMAP on loopback only, no imaps, no chroot; as another user than root, every service runs as that user.</summary>
    private static string Config(string folder, int port)
    {
        var user = Environment.UserName;
        var asUser = user == "root" ? "" : $"default_internal_user = {user}\ndefault_login_user = {user}\ndefault_internal_group = {user}\n";
        return $"""
            base_dir = {folder}/run
            state_dir = {folder}/state
            log_path = {folder}/dovecot.log
            protocols = imap
            listen = {Host}
            ssl = yes
            ssl_cert = <{folder}/cert.pem
            ssl_key = <{folder}/key.pem
            passdb {"{"}
              driver = static
              args = nopassword=y allow_nets=127.0.0.1/32
            {"}"}
            userdb {"{"}
              driver = static
              args = uid=nobody gid=nogroup home={folder}/home
            {"}"}
            service imap-login {"{"}
              chroot =
              inet_listener imap {"{"}
                address = {Host}
                port = {port}
              {"}"}
              inet_listener imaps {"{"}
                port = 0
              {"}"}
            {"}"}
            service anvil {"{"}
              chroot =
            {"}"}
            {asUser}
            """;
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private void StopServer()
    {
        if (server is null) return;
        ChildProcess.KillTree(server);
        server = null;
    }
}
