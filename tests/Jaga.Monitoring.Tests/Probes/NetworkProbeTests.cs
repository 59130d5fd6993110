using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
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
        Assert.Equal("127.0.0.1", up.Values["IP"]);
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
        Assert.Equal("127.0.0.1", seen.Values["IP"]);
    }

    [Fact]
    public async Task Ip_is_the_address_each_kind_connected_to_and_a_condition_reads_it()
    {
        var port = new Uri(web.Http).Port;
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: web
              http: http://localhost:{port}/ok
              expect: ["[IP] == any(127.0.0.1, ::1)", "[IP] != pat(10.*)"]
            - name: port
              tcp: 127.0.0.1:{port}
              expect: ["[IP] == pat(127.0.0.[0-9])"]
            - name: wrong
              tcp: 127.0.0.1:{port}
              expect: ["[IP] == 10.0.0.1"]
            """);

        Assert.Equal("127.0.0.1", (await world.ObserveAsync("web")).Values["IP"]);
        Assert.True((await JudgeAsync(world, "web")).Passed);
        Assert.True((await JudgeAsync(world, "port")).Passed);
        var wrong = await JudgeAsync(world, "wrong");
        Assert.False(wrong.Passed);
        Assert.Contains("[IP] was 127.0.0.1", wrong.Reason, StringComparison.Ordinal);
    }

    private static async Task<CheckResult> JudgeAsync(ProbeWorld world, string name)
    {
        var check = world.Check(name);
        return CheckVerdict.Judge(check, await world.ObserveAsync(check), DateTimeOffset.UtcNow, world.Plan.Redactor, Catalog.English);
    }
}
