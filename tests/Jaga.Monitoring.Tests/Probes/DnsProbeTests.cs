using Jaga.Core.Monitoring;
using Jaga.Core.Redaction;
using Jaga.Testing;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>The <c>dns</c> check against a real dnsmasq on loopback.</summary>
public sealed class DnsProbeTests(DnsmasqServer dns) : IClassFixture<DnsmasqServer>
{
    [Theory]
    [InlineData("site.test", "A", DnsmasqServer.SiteAddress)]
    [InlineData("both.test.", "AAAA", "::8")]
    [InlineData("alias.test", "CNAME", "both.test.")]
    [InlineData("alias.test", "A", "127.0.0.8")]
    [InlineData("mail.test", "MX", "mx1.mail.test.")]
    [InlineData("txt.test", "TXT", DnsmasqServer.Text)]
    public async Task Answers_are_the_body_as_gatus_gives_them(string name, string type, string body)
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: q\n  dns: {{ server: \"{dns.Address}\", name: \"{name}\", type: {type} }}");
        var seen = await world.ObserveAsync("q");
        Assert.True(seen.Connected, seen.Error);
        Assert.Equal("NOERROR", seen.Values[CheckVerdict.DnsRcode]);
        Assert.Equal(body, seen.Body);
    }

    [Fact]
    public async Task A_name_that_does_not_exist_is_nxdomain_and_down_by_default()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: q\n  dns: {{ server: \"{dns.Address}\", name: nope.test }}");
        var seen = await world.ObserveAsync("q");
        Assert.True(seen.Connected);
        Assert.Equal("NXDOMAIN", seen.Values[CheckVerdict.DnsRcode]);
        Assert.Null(seen.Body);
        var result = CheckVerdict.Judge(world.Check("q"), seen, DateTimeOffset.UnixEpoch, Redactor.None);
        Assert.Equal(CheckOutcome.Down, result.Outcome);
        Assert.Equal("[DNS_RCODE] == NOERROR failed: [DNS_RCODE] was NXDOMAIN", result.Reason);
    }

    [Fact]
    public async Task Conditions_read_the_rcode_and_the_body()
    {
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: q
              dns: {"{"} server: "{dns.Address}", name: site.test {"}"}
              expect: ["[DNS_RCODE] == NOERROR", "[BODY] == {DnsmasqServer.SiteAddress}", "[RESPONSE_TIME] < 5000"]
            - name: refused
              dns: {"{"} server: "{dns.Address}", name: example.com {"}"}
              expect: "[DNS_RCODE] == REFUSED"
            """);
        var up = CheckVerdict.Judge(world.Check("q"), await world.ObserveAsync("q"), DateTimeOffset.UnixEpoch, Redactor.None);
        Assert.Equal(CheckOutcome.Up, up.Outcome);
        Assert.StartsWith($"{DnsmasqServer.SiteAddress} in ", up.Reason, StringComparison.Ordinal);
        // dnsmasq answers REFUSED for a name it has no upstream for: a condition may expect exactly that.
        var refused = CheckVerdict.Judge(world.Check("refused"), await world.ObserveAsync("refused"), DateTimeOffset.UnixEpoch, Redactor.None);
        Assert.Equal(CheckOutcome.Up, refused.Outcome);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_times_out_without_connecting()
    {
        // A UDP port nobody listens on: the query gets no answer (or an ICMP refusal) within the check's timeout.
        var silent = Loopback.FreePort();
        await using var world = await ProbeWorld.CreateAsync($"- name: q\n  dns: {{ server: \"127.0.0.1:{silent}\", name: site.test }}\n  timeout: 1s");
        var seen = await world.ObserveAsync("q");
        Assert.False(seen.Connected);
        Assert.NotNull(seen.Error);
        Assert.False(seen.Values.ContainsKey(CheckVerdict.DnsRcode));
    }
}
