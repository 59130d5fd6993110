namespace Jaga.Core.Tests.Plan;

/// <summary><c>monitoring.resolver</c>: the DNS server checks resolve host names with, given by address.</summary>
public sealed class ResolverPlanTests
{
    [Fact]
    public void Without_the_key_checks_use_the_systems_resolver()
    {
        Assert.Null(Plans.Valid(Plans.Header).Plan.Monitoring.Resolver);
    }

    [Theory]
    [InlineData("10.0.0.2:53")]
    [InlineData("[fd00::53]:5353")]
    public void A_server_given_by_address_binds(string server)
    {
        Assert.Equal(server, Plans.Valid(Plans.Header + $"monitoring:\n  resolver: \"{server}\"\n").Plan.Monitoring.Resolver);
    }

    [Fact]
    public void A_server_given_by_name_is_refused_with_the_fix()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  resolver: \"dns.example.test:53\"\n");

        Plans.Reports(result, "jaga.yaml:4:13: monitoring.resolver: 'dns.example.test:53' is not an IP address and port (write the DNS server's address, e.g. 10.0.0.2:53");
    }

    [Fact]
    public void A_server_without_a_port_is_refused()
    {
        Assert.False(Plans.Load(Plans.Header + "monitoring:\n  resolver: \"10.0.0.2\"\n").Ok);
    }
}
