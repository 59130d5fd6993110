using System.Diagnostics;
using Xunit;

namespace Jaga.Testing;

/// <summary>A real DNS server for tests: Debian's <c>dnsmasq</c> in the foreground on a free port of 127.0.0.1, with no
/// upstream and no /etc/hosts, answering for <c>.test</c> from its command line only (any other name in <c>.test</c> is
/// NXDOMAIN, a name outside it REFUSED). Its pid file and log are in a temp folder; stopped on dispose and, failing that,
/// when the process exits.</summary>
/// <remarks>The records: <c>site.test</c> A <see cref="SiteAddress"/>; <c>both.test</c> A 127.0.0.8 and AAAA ::8;
/// <c>alias.test</c> CNAME both.test; <c>mail.test</c> MX 10 mx1.mail.test; <c>txt.test</c> TXT <see cref="Text"/>.</remarks>
public sealed class DnsmasqServer : IAsyncLifetime, IDisposable
{
    public const string Host = "127.0.0.1";
    public const string Binary = "/usr/sbin/dnsmasq";
    public const string SiteAddress = "127.0.0.7";
    public const string Text = "v=spf1 -all";

    private readonly Lock gate = new();
    private string? folder;
    private Process? server;

    public int Port { get; private set; }

    /// <summary>host:port, as a <c>dns</c> check's <c>server</c> writes it.</summary>
    public string Address => $"{Host}:{Port}";

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.Run(Stop);

    public async Task StartAsync()
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"dnsmasq is not installed ({Binary}): apt-get install dnsmasq-base (scripts/test.sh does)");
        folder = Directory.CreateTempSubdirectory("jaga-dnsmasq-").FullName;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        try
        {
            // As root dnsmasq drops to a user; "nobody" exists everywhere, where Debian's "dnsmasq" user comes only with the
            // full package.
            string[] user = Environment.UserName == "root" ? ["--user=nobody", "--group=nogroup"] : [];
            for (var attempt = 1; ; attempt++)
            {
                Port = Loopback.FreePort();
                server = ChildProcess.Start(Binary,
                [
                    "--no-daemon", "--conf-file=/dev/null", $"--port={Port}", $"--listen-address={Host}", "--bind-interfaces",
                    "--no-resolv", "--no-hosts", $"--pid-file={Path.Combine(folder, "dnsmasq.pid")}", "--local=/test/",
                    $"--address=/site.test/{SiteAddress}", "--host-record=both.test,127.0.0.8,::8", "--cname=alias.test,both.test",
                    "--mx-host=mail.test,mx1.mail.test,10", $"--txt-record=txt.test,{Text}", .. user,
                ]);
                if (await Loopback.ListeningAsync(server, Port, TimeSpan.FromSeconds(30))) break;
                StopServer();
                if (attempt == 3) throw new InvalidOperationException("dnsmasq did not start on a free loopback port three times");
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

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private void StopServer()
    {
        if (server is null) return;
        ChildProcess.KillTree(server);
        server = null;
    }
}
