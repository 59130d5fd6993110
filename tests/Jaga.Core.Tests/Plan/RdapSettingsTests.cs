using Jaga.Core.Plan;

namespace Jaga.Core.Tests.Plan;

/// <summary><c>monitoring.rdap</c>: IANA's bootstrap file and a day's cache unless the plan says otherwise; a check's
/// <c>domain</c>, the registered domain its [DOMAIN_EXPIRATION] reads.</summary>
public sealed class RdapSettingsTests
{
    [Fact]
    public void Without_the_key_rdap_asks_iana_and_keeps_answers_a_day()
    {
        var loaded = Plans.Load(Plans.Header + "monitoring:\n  checks:\n    - { name: site, tls: \"example.com:443\", expect: [\"[DOMAIN_EXPIRATION] > 30d\"] }\n");

        Assert.True(loaded.Ok, string.Join('\n', loaded.Errors));
        Assert.Equal(("https://data.iana.org/rdap/dns.json", TimeSpan.FromDays(1)), (loaded.Plan!.Plan.Monitoring.Rdap.Bootstrap, loaded.Plan.Plan.Monitoring.Rdap.Cache));
        Assert.NotNull(Plans.Load(Plans.Header).Plan!.Plan.Monitoring.Rdap);
    }

    [Fact]
    public void The_bootstrap_and_the_cache_can_be_set_and_a_bad_url_is_refused()
    {
        var loaded = Plans.Load(Plans.Header + "monitoring:\n  rdap: { bootstrap: \"http://127.0.0.1:8099/dns.json\", cache: 1h }\n");
        Assert.True(loaded.Ok, string.Join('\n', loaded.Errors));
        Assert.Equal(("http://127.0.0.1:8099/dns.json", TimeSpan.FromHours(1)), (loaded.Plan!.Plan.Monitoring.Rdap.Bootstrap, loaded.Plan.Plan.Monitoring.Rdap.Cache));

        var bad = Plans.Load(Plans.Header + "monitoring:\n  rdap: { bootstrap: \"ftp://iana.example/dns.json\" }\n");
        Assert.False(bad.Ok);
        Assert.Contains(bad.Errors, e => e.ToString().Contains("monitoring.rdap.bootstrap", StringComparison.Ordinal));
    }

    [Fact]
    public void A_check_names_its_domain_apart_from_its_address()
    {
        var plan = Plans.Valid(Plans.Header + """
            monitoring:
              checks:
                - { name: lb, tls: "10.0.0.5:443", domain: example.co.uk, expect: ["[DOMAIN_EXPIRATION] > 30d"] }
                - { name: api, http: "http://127.0.0.1:8080/", domain: shop.example.com. }
                - { name: site, tls: "example.com:443" }
            """);
        var checks = plan.Plan.Monitoring.Checks.ToDictionary(c => c.Name);

        Assert.Equal("example.co.uk", Assert.IsType<TlsCheck>(checks["lb"]).Domain);
        Assert.Equal("shop.example.com.", Assert.IsType<HttpCheck>(checks["api"]).Domain);
        Assert.Null(Assert.IsType<TlsCheck>(checks["site"]).Domain);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("localhost")]
    [InlineData("https://example.com")]
    [InlineData("\"exa mple.com\"")]
    public void A_domain_that_names_no_domain_is_refused_at_the_key(string domain)
    {
        var result = Plans.Load(Plans.Header + $"monitoring:\n  checks:\n    - {{ name: lb, tls: \"10.0.0.5:443\", domain: {domain} }}\n");

        Plans.Reports(result, $"jaga.yaml:5:48: monitoring.checks[0].domain: '{domain.Trim('"')}' is not a domain name (write the domain as registered, e.g. example.com or example.co.uk");
    }

    [Fact]
    public void A_domain_on_a_check_that_reads_no_domain_expiry_is_refused()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  checks:\n    - { name: port, tcp: \"10.0.0.5:22\", domain: example.com }\n");

        Plans.Reports(result, "jaga.yaml:5:49: monitoring.checks[0].domain: only http and tls checks read [DOMAIN_EXPIRATION], so domain has no use here (remove domain");
    }
}
