using Jaga.Core.Plan;

namespace Jaga.Core.Tests.Plan;

/// <summary>The dns, icmp, ssh and starttls checks as the plan writes them: what binds, and what is refused at load.</summary>
public sealed class CheckKindsPlanTests
{
    private const string Checks = Plans.Header + "monitoring:\n  checks:\n";

    [Fact]
    public void Each_kind_binds_with_its_defaults()
    {
        var plan = Plans.Valid(Checks + """
                - { name: resolver, dns: { server: "127.0.0.1:53", name: shop.example.com } }
                - { name: mx, dns: { server: "[::1]:5353", name: example.com., type: MX } }
                - { name: gateway, icmp: 10.0.0.1 }
                - { name: bastion, ssh: "127.0.0.1:22" }
                - { name: login, ssh: { address: "127.0.0.1:2222", user: monitor, password: ssh-Secret-1 } }
                - { name: mail, starttls: "smtp://mail.example.com", insecure: true }
            """);
        var checks = plan.Plan.Monitoring.Checks.ToDictionary(c => c.Name);

        var resolver = Assert.IsType<DnsCheck>(checks["resolver"]);
        Assert.Equal(new DnsQuery("127.0.0.1:53", "shop.example.com", "A"), resolver.Dns);
        Assert.Equal("shop.example.com A @127.0.0.1:53", resolver.Target);
        Assert.Equal("MX", Assert.IsType<DnsCheck>(checks["mx"]).Dns.Type);
        Assert.Equal("10.0.0.1", Assert.IsType<IcmpCheck>(checks["gateway"]).Icmp);
        var bastion = Assert.IsType<SshCheck>(checks["bastion"]);
        Assert.Equal(new SshLogin("127.0.0.1:22", null, null, null, null, null), bastion.Ssh);
        var login = Assert.IsType<SshCheck>(checks["login"]);
        Assert.Equal("monitor@127.0.0.1:2222", login.Target);
        Assert.Equal("ssh-Secret-1", login.Ssh.Password);
        Assert.Equal("login failed with *** for monitor", plan.Redactor.Redact("login failed with ssh-Secret-1 for monitor"));
        var mail = Assert.IsType<StarttlsCheck>(checks["mail"]);
        Assert.True(mail.Insecure);
        Assert.Equal("starttls", mail.Kind);
    }

    [Fact]
    public void A_dns_name_with_a_space_is_refused_at_the_name()
    {
        var result = Plans.Load(Checks + "    - { name: q, dns: { server: \"127.0.0.1:53\", name: \"exa mple.com\" } }\n");

        Plans.Reports(result, "jaga.yaml:5:55: monitoring.checks[0].dns.name: 'exa mple.com' is not a DNS name (write the name queried, e.g. example.com");
    }

    [Fact]
    public void A_dns_type_gatus_does_not_know_is_refused_with_the_nearest()
    {
        var result = Plans.Load(Checks + "    - { name: q, dns: { server: \"127.0.0.1:53\", name: example.com, type: AAA } }\n");

        Plans.Reports(result, "jaga.yaml:5:74: monitoring.checks[0].dns.type: 'AAA' is not one of A, AAAA, CNAME, MX, NS, PTR, SRV, TXT, CAA, SOA (did you mean 'AAAA'?)");
    }

    [Fact]
    public void A_dns_check_needs_its_server()
    {
        var result = Plans.Load(Checks + "    - { name: q, dns: { name: example.com } }\n");

        Plans.Reports(result, "jaga.yaml:5:23: monitoring.checks[0].dns: missing required key 'server' (add 'server: …')");
    }

    [Theory]
    [InlineData("https://gw.example.com")]
    [InlineData("10.0.0.1:80")]
    [InlineData("\"gw example\"")]
    public void An_icmp_target_is_a_host_alone(string host)
    {
        var result = Plans.Load(Checks + $"    - {{ name: gw, icmp: {host} }}\n");

        Plans.Reports(result, $"jaga.yaml:5:25: monitoring.checks[0].icmp: '{host.Trim('"')}' is not a host name or IP address (write the host alone");
    }

    [Fact]
    public void An_ssh_password_without_a_user_is_refused()
    {
        var result = Plans.Load(Checks + "    - name: bastion\n      ssh: { address: \"127.0.0.1:22\", password: pw-1234567 }\n");

        Plans.Reports(result, "jaga.yaml:6:12: monitoring.checks[0].ssh.password: 'password' is only used to log in, and no user is given (add 'user: NAME' to log in");
    }

    [Fact]
    public void An_ssh_address_without_a_port_is_refused()
    {
        var result = Plans.Load(Checks + "    - { name: bastion, ssh: bastion.example.com }\n");

        Plans.Reports(result, "jaga.yaml:5:29: monitoring.checks[0].ssh: 'bastion.example.com' is not host:port (write host:port");
    }

    [Fact]
    public void Starttls_takes_smtp_and_imap_urls_only()
    {
        var result = Plans.Load(Checks + "    - { name: mail, starttls: \"https://mail.example.com\" }\n");

        Plans.Reports(result, "jaga.yaml:5:31: monitoring.checks[0].starttls: 'https://mail.example.com' is not a smtp://, imap:// URL");
    }

    [Fact]
    public void Dns_rcode_is_a_placeholder_and_a_typo_of_it_is_refused()
    {
        Plans.Valid(Checks + "    - { name: q, dns: { server: \"127.0.0.1:53\", name: example.com }, expect: \"[DNS_RCODE] == NXDOMAIN\" }\n");
        var result = Plans.Load(Checks + "    - { name: q, dns: { server: \"127.0.0.1:53\", name: example.com }, expect: \"[DNS_RCOD] == NXDOMAIN\" }\n");

        Assert.Contains("did you mean [DNS_RCODE]?", Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
    }
}
