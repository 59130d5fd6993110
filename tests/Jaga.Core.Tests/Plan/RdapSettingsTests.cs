namespace Jaga.Core.Tests.Plan;

/// <summary><c>monitoring.rdap</c>: IANA's bootstrap file and a day's cache unless the plan says otherwise.</summary>
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
}
