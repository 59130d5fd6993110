using System.Globalization;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Engine.Monitoring.Probes;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>[DOMAIN_EXPIRATION] from RDAP against a real HTTP server serving IANA's bootstrap shape and a registry's
/// recorded answers: found through the bootstrap, kept per domain, absent with the registry's reason.</summary>
public sealed class DomainExpiryTests(RdapWeb rdap) : IClassFixture<RdapWeb>
{
    [Fact]
    public async Task The_expiry_comes_from_the_registry_named_by_the_bootstrap_file_and_is_asked_once()
    {
        var (bootstraps, lookups) = (rdap.Bootstraps, rdap.Lookups);
        await using var world = await ProbeWorld.CreateAsync("""
            - name: site
              tls: www.google.com:443
              timeout: 2s
              expect: ["[DOMAIN_EXPIRATION] > 30d"]
            - name: api
              http: http://api.google.com:1/
              timeout: 2s
              expect: ["[domain_expiration] > 720h"]
            """, rdapBootstrap: rdap.Bootstrap);

        var before = DateTimeOffset.UtcNow;
        var seen = await world.ObserveAsync("site");
        var after = DateTimeOffset.UtcNow;
        var left = TimeSpan.FromMilliseconds(long.Parse(seen.Values["DOMAIN_EXPIRATION"], CultureInfo.InvariantCulture));
        Assert.InRange(left, RdapWeb.GoogleExpires - after - TimeSpan.FromSeconds(1), RdapWeb.GoogleExpires - before);
        var outcome = Core.Conditions.Condition.Parse("[DOMAIN_EXPIRATION] > 30d").Evaluate(seen);
        Assert.True(outcome.Passed, outcome.ToString());

        // Another check of the same domain, and the same check again: the answer is kept.
        Assert.True((await world.ObserveAsync("api")).Values.ContainsKey("DOMAIN_EXPIRATION"));
        await world.ObserveAsync("site");
        Assert.Equal((bootstraps + 1, lookups + 1), (rdap.Bootstraps, rdap.Lookups));
    }

    [Fact]
    public async Task A_domain_the_registry_does_not_hold_or_no_server_serves_is_absent_and_the_reason_says_why()
    {
        await using var world = await ProbeWorld.CreateAsync("""
            - name: gone
              tls: shop.no-such-domain-jaga.com:443
              timeout: 2s
              expect: ["[DOMAIN_EXPIRATION] > 30d"]
            - name: org
              tls: jaga.org:443
              timeout: 2s
              expect: ["[DOMAIN_EXPIRATION] > 30d"]
            """, rdapBootstrap: rdap.Bootstrap);

        var gone = await world.ObserveAsync("gone");
        Assert.False(gone.Values.ContainsKey("DOMAIN_EXPIRATION"));
        Assert.Equal("RDAP: no-such-domain-jaga.com is not registered", gone.Absent["DOMAIN_EXPIRATION"]);
        var result = CheckVerdict.Judge(world.Check("gone"), gone, DateTimeOffset.UtcNow, world.Plan.Redactor, Catalog.English);
        Assert.False(result.Passed);
        Assert.Contains("[DOMAIN_EXPIRATION] was absent (RDAP: no-such-domain-jaga.com is not registered)", result.Reason, StringComparison.Ordinal);

        Assert.Equal("RDAP: the bootstrap file names no server for .org", (await world.ObserveAsync("org")).Absent["DOMAIN_EXPIRATION"]);
    }

    [Fact]
    public async Task Without_a_condition_on_it_rdap_is_not_asked()
    {
        var (bootstraps, lookups) = (rdap.Bootstraps, rdap.Lookups);
        await using var world = await ProbeWorld.CreateAsync("""
            - name: plain
              tls: www.google.com:443
              timeout: 1s
            """, rdapBootstrap: rdap.Bootstrap);

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
