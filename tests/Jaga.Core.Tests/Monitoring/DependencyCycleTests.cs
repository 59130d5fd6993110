using Jaga.Core.Tests.Plan;

namespace Jaga.Core.Tests.Monitoring;

/// <summary>A depends_on cycle is a plan error at the entry that closes it.</summary>
public sealed class DependencyCycleTests
{
    [Fact]
    public void A_check_depending_on_itself_is_refused_at_the_entry()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  checks:\n    - { name: api, tcp: \"127.0.0.1:80\", depends_on: [api] }\n");

        Plans.Reports(result, "jaga.yaml:5:54: monitoring.checks[0].depends_on: 'api' depends on itself (a check can only depend on checks that do not depend on it");
    }

    [Fact]
    public void A_cycle_through_three_checks_is_reported_once_with_its_path()
    {
        var result = Plans.Load(Plans.Header + """
            monitoring:
              checks:
                - { name: a, tcp: "127.0.0.1:1", depends_on: b }
                - { name: b, tcp: "127.0.0.1:2", depends_on: c }
                - { name: c, tcp: "127.0.0.1:3", depends_on: [a] }
                - { name: d, tcp: "127.0.0.1:4", depends_on: [a] }
            """ + "\n");

        Plans.Reports(result, "jaga.yaml:7:51: monitoring.checks[2].depends_on: dependency cycle a → b → c → a");
    }
}
