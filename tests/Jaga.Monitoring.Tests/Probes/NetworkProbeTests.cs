using Jaga.Testing;

namespace Jaga.Monitoring.Tests.Probes;

public sealed class NetworkProbeTests(TestWeb web) : IClassFixture<TestWeb>
{
    [Fact]
    public async Task Tcp_check_connects_to_an_open_port_and_reports_refused_for_a_closed_one()
    {
        var open = new Uri(web.Http).Port;
        var closed = Loopback.FreePort();
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: open
              tcp: 127.0.0.1:{open}
            - name: closed
              tcp: 127.0.0.1:{closed}
            """);
        var up = await world.ObserveAsync("open");
        Assert.True(up.Connected);
        Assert.Null(up.Error);
        var down = await world.ObserveAsync("closed");
        Assert.False(down.Connected);
        Assert.Equal("connection refused", down.Error);
    }

    [Fact]
    public async Task Tls_check_measures_a_certificate_expiring_in_three_days()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: cert\n  tls: 127.0.0.1:{web.HttpsPort}\n  insecure: true");
        var seen = await world.ObserveAsync("cert");
        Assert.True(seen.Connected);
        Assert.InRange(seen.CertificateExpiration!.Value, TimeSpan.FromDays(2.9), TimeSpan.FromDays(3));
    }

    [Fact]
    public async Task Tls_check_without_insecure_says_why_the_certificate_does_not_validate()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: cert\n  tls: 127.0.0.1:{web.HttpsPort}");
        var seen = await world.ObserveAsync("cert");
        Assert.False(seen.Connected);
        Assert.StartsWith("TLS validation failed: ", seen.Error, StringComparison.Ordinal);
        Assert.InRange(seen.CertificateExpiration!.Value, TimeSpan.FromDays(2.9), TimeSpan.FromDays(3));
    }

    [Fact]
    public async Task Tcp_check_to_an_unknown_host_names_dns()
    {
        await using var world = await ProbeWorld.CreateAsync("- name: nowhere\n  tcp: no-such-host.invalid:80");
        var seen = await world.ObserveAsync("nowhere");
        Assert.False(seen.Connected);
        Assert.StartsWith("DNS", seen.Error, StringComparison.Ordinal);
    }
}
