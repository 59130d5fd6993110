using System.Net;
using System.Net.Sockets;
using System.Text;
using Jaga.Core.Monitoring;
using Jaga.Core.Redaction;
using Jaga.Testing;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary><c>monitoring.resolver</c>: checks resolve their host with the plan's DNS server, a real dnsmasq on loopback
/// (<c>site.test</c> is 127.0.0.7 there and nowhere else), and a name it does not know fails as the system's resolver
/// fails. Every name asked here is asked of that server only: no query leaves this machine.</summary>
public sealed class ResolverProbeTests(DnsmasqServer dns) : IClassFixture<DnsmasqServer>
{
    [Fact]
    public async Task Tcp_http_tls_and_icmp_checks_reach_the_address_the_plans_resolver_gives()
    {
        await using var site = SiteListener.Start();
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: port
              tcp: site.test:{site.Port}
            - name: web
              http: http://site.test:{site.Port}/
              expect: ["[STATUS] == 200", "[IP] == {DnsmasqServer.SiteAddress}"]
            - name: ping
              icmp: site.test
              timeout: 5s
            """, resolver: dns.Address);

        var port = await world.ObserveAsync("port");
        Assert.True(port.Connected, port.Error);
        Assert.Equal(DnsmasqServer.SiteAddress, port.Values["IP"]);
        var web = await world.ObserveAsync("web");
        Assert.Equal((200, "ok"), (web.Status, web.Body));
        Assert.Equal(CheckOutcome.Up, CheckVerdict.Judge(world.Check("web"), web, DateTimeOffset.UnixEpoch, Redactor.None).Outcome);
        var ping = await world.ObserveAsync("ping");
        Assert.True(ping.Connected, ping.Error);
    }

    [Theory]
    [InlineData("tcp: nowhere.test:80", "DNS: host not found")]
    [InlineData("tls: nowhere.test:443", "DNS: host not found")]
    [InlineData("http: http://nowhere.test/", "DNS: host not found")]
    [InlineData("icmp: nowhere.test", "DNS: host not found")]
    [InlineData("starttls: smtp://nowhere.test", "DNS: host not found")]
    [InlineData("ssh: nowhere.test:22", "DNS: host not found")]
    [InlineData("tcp: mail.test:25", "DNS: host not found")]
    [InlineData("tcp: outside.invalid:80", "DNS: lookup failed (try again)")]
    public async Task A_name_the_resolver_does_not_know_is_down_and_the_reason_names_dns(string target, string error)
    {
        // nowhere.test is NXDOMAIN, mail.test has an MX record and no address, outside.invalid is refused (not dnsmasq's zone).
        await using var world = await ProbeWorld.CreateAsync($"- name: nowhere\n  {target}\n  timeout: 5s", resolver: dns.Address);

        var seen = await world.ObserveAsync("nowhere");

        Assert.False(seen.Connected);
        Assert.Equal(error, seen.Error);
        Assert.Equal(CheckOutcome.Down, CheckVerdict.Judge(world.Check("nowhere"), seen, DateTimeOffset.UnixEpoch, Redactor.None).Outcome);
    }

    [Fact]
    public async Task Localhost_and_addresses_are_not_asked_of_the_resolver()
    {
        await using var site = SiteListener.Start();
        // A resolver that answers nothing: a closed port of loopback.
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: address
              tcp: {DnsmasqServer.SiteAddress}:{site.Port}
            - name: local
              icmp: localhost
              timeout: 5s
            """, resolver: $"127.0.0.1:{Loopback.FreePort()}");

        Assert.True((await world.ObserveAsync("address")).Connected);
        Assert.True((await world.ObserveAsync("local")).Connected);
    }

    /// <summary>A web server of one page ("ok") on <see cref="DnsmasqServer.SiteAddress"/>, the address only the test's
    /// resolver gives <c>site.test</c>.</summary>
    private sealed class SiteListener : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Parse(DnsmasqServer.SiteAddress), 0);
        private readonly CancellationTokenSource stop = new();
        private Task? serving;

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public static SiteListener Start()
        {
            var site = new SiteListener();
            site.listener.Start();
            site.serving = site.ServeAsync();
            return site;
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            listener.Stop();
            try
            {
                if (serving is not null) await serving;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped while accepting.
            }
            stop.Dispose();
        }

        private async Task ServeAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                var stream = client.GetStream();
                var request = new StringBuilder();
                var buffer = new byte[4096];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, stop.Token);
                    if (read == 0) break;
                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }
                if (request.Length == 0) continue;
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray(), stop.Token);
            }
        }
    }
}
