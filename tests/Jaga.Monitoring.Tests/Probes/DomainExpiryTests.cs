using System.Globalization;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Engine.Monitoring.Probes;
using Jaga.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>[DOMAIN_EXPIRATION] from RDAP against a real HTTP server serving IANA's bootstrap shape and a registry's
/// recorded answers: found through the bootstrap, kept per domain, absent with the registry's reason. The checks connect
/// to a closed port of 127.0.0.1 and name their domain with <c>domain</c>, so no name is resolved and nothing leaves this
/// machine; the clock is fixed, so a recorded answer's expiry is as far away on every run.</summary>
public sealed class DomainExpiryTests(RdapWeb rdap) : IClassFixture<RdapWeb>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private readonly int closed = Loopback.FreePort();

    [Fact]
    public async Task The_expiry_comes_from_the_registry_named_by_the_bootstrap_file_and_is_asked_once()
    {
        var (bootstraps, lookups) = (rdap.Bootstraps, rdap.Lookups);
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: site
              tls: 127.0.0.1:{closed}
              domain: google.com
              timeout: 2s
              expect: ["[DOMAIN_EXPIRATION] > 30d"]
            - name: api
              http: http://127.0.0.1:{closed}/
              domain: GOOGLE.COM.
              timeout: 2s
              expect: ["[domain_expiration] > 720h"]
            """, new FakeTimeProvider(Now), rdap.Bootstrap);

        var seen = await world.ObserveAsync("site");

        Assert.Equal(((long)(RdapWeb.GoogleExpires - Now).TotalMilliseconds).ToString(CultureInfo.InvariantCulture), seen.Values["DOMAIN_EXPIRATION"]);
        var outcome = Core.Conditions.Condition.Parse("[DOMAIN_EXPIRATION] > 30d").Evaluate(seen);
        Assert.True(outcome.Passed, outcome.ToString());
        // Another check of the same domain, and the same check again: the answer is kept.
        Assert.Equal(seen.Values["DOMAIN_EXPIRATION"], (await world.ObserveAsync("api")).Values["DOMAIN_EXPIRATION"]);
        await world.ObserveAsync("site");
        Assert.Equal((bootstraps + 1, lookups + 1), (rdap.Bootstraps, rdap.Lookups));
    }

    [Fact]
    public async Task Once_the_recorded_expiry_has_passed_the_value_is_negative_and_the_condition_fails()
    {
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: site
              tls: 127.0.0.1:{closed}
              domain: google.com
              expect: ["[DOMAIN_EXPIRATION] > 30d"]
            """, new FakeTimeProvider(RdapWeb.GoogleExpires.AddDays(1)), rdap.Bootstrap);

        var seen = await world.ObserveAsync("site");

        Assert.Equal("-86400000", seen.Values["DOMAIN_EXPIRATION"]);
        Assert.False(Core.Conditions.Condition.Parse("[DOMAIN_EXPIRATION] > 30d").Evaluate(seen).Passed);
    }

    [Fact]
    public async Task A_domain_the_registry_does_not_hold_or_no_server_serves_is_absent_and_the_reason_says_why()
    {
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: gone
              tls: 127.0.0.1:{closed}
              domain: no-such-domain-jaga.com
              timeout: 2s
              expect: ["[DOMAIN_EXPIRATION] > 30d"]
            - name: org
              tls: 127.0.0.1:{closed}
              domain: jaga.org
              timeout: 2s
              expect: ["[DOMAIN_EXPIRATION] > 30d"]
            """, new FakeTimeProvider(Now), rdap.Bootstrap);

        var gone = await world.ObserveAsync("gone");
        Assert.False(gone.Values.ContainsKey("DOMAIN_EXPIRATION"));
        Assert.Equal("RDAP: no-such-domain-jaga.com is not registered", gone.Absent["DOMAIN_EXPIRATION"]);
        var result = CheckVerdict.Judge(world.Check("gone"), gone, Now, world.Plan.Redactor, Catalog.English);
        Assert.False(result.Passed);
        Assert.Contains("[DOMAIN_EXPIRATION] was absent (RDAP: no-such-domain-jaga.com is not registered)", result.Reason, StringComparison.Ordinal);

        Assert.Equal("RDAP: the bootstrap file names no server for .org", (await world.ObserveAsync("org")).Absent["DOMAIN_EXPIRATION"]);
    }

    [Fact]
    public async Task A_check_by_address_without_a_domain_names_no_domain_and_rdap_is_not_asked()
    {
        var (bootstraps, lookups) = (rdap.Bootstraps, rdap.Lookups);
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: bare
              tls: 127.0.0.1:{closed}
              expect: ["[DOMAIN_EXPIRATION] > 30d"]
            """, new FakeTimeProvider(Now), rdap.Bootstrap);

        var seen = await world.ObserveAsync("bare");

        Assert.Equal("RDAP: '127.0.0.1' names no domain", seen.Absent["DOMAIN_EXPIRATION"]);
        Assert.Equal((bootstraps, lookups), (rdap.Bootstraps, rdap.Lookups));
    }

    [Fact]
    public async Task Without_a_condition_on_it_rdap_is_not_asked()
    {
        var (bootstraps, lookups) = (rdap.Bootstraps, rdap.Lookups);
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: plain
              tls: 127.0.0.1:{closed}
              domain: google.com
              timeout: 1s
            """, new FakeTimeProvider(Now), rdap.Bootstrap);

        var seen = await world.ObserveAsync("plain");

        Assert.False(seen.Values.ContainsKey("DOMAIN_EXPIRATION"));
        Assert.Equal((bootstraps, lookups), (rdap.Bootstraps, rdap.Lookups));
    }

    [Theory]
    [InlineData("api.shop.example.com", "example.com")]
    [InlineData("Example.COM.", "example.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("localhost", null)]
    [InlineData("127.0.0.1", null)]
    [InlineData("::1", null)]
    public void The_domain_is_the_host_names_last_two_labels(string host, string? domain)
    {
        Assert.Equal(domain, DomainExpiry.DomainOf(host));
    }
}
