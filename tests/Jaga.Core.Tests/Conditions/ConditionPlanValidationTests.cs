using Jaga.Core.Tests.Plan;

namespace Jaga.Core.Tests.Conditions;

/// <summary>Bad conditions in a plan are reported when it loads, each at the line and column of the bad part.</summary>
public sealed class ConditionPlanValidationTests
{
    private const string Check = "monitoring:\n  checks:\n    - name: api\n      http: http://127.0.0.1/health\n      expect:\n";

    [Fact]
    public void Every_bad_condition_is_reported_at_the_column_of_its_bad_part()
    {
        var result = Plans.Load(Plans.Header + Check + """
                    - "[STATU] == 200"
                    - '[BODY].data.status = UP'
                    - len([BODY].items) 1
                    - "[RESPONSE_TIME] < 500"
            """ + "\n");

        Plans.Reports(result,
            "jaga.yaml:8:12: monitoring.checks[0].expect[0]: unknown placeholder [STATU] in '[STATU] == 200' (did you mean [STATUS]?)",
            "jaga.yaml:9:31: monitoring.checks[0].expect[1]: '=' is not an operator in '[BODY].data.status = UP' (compare with ==",
            "jaga.yaml:10:30: monitoring.checks[0].expect[2]: missing operator in 'len([BODY].items) 1' (write '<placeholder> <operator> <value>'");
    }

    [Fact]
    public void A_condition_in_a_flow_list_is_pointed_at_inside_its_quotes()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  checks:\n    - name: api\n      http: http://127.0.0.1/health\n      expect: [\"[STATUS]==200\"]\n");

        Plans.Reports(result, "jaga.yaml:7:25: monitoring.checks[0].expect[0]: '==' needs a space on both sides in '[STATUS]==200' (write e.g. [STATUS] == 200)");
    }

    [Fact]
    public void A_single_condition_without_a_list_is_checked_too()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  checks:\n    - name: api\n      http: http://127.0.0.1/health\n      expect: \"[BODY].status == pat(UP\"\n");

        Plans.Reports(result, "jaga.yaml:7:36: monitoring.checks[0].expect: '(' is never closed in '[BODY].status == pat(UP' (add ')')");
    }

    [Fact]
    public void Valid_conditions_load()
    {
        var plan = Plans.Valid(Plans.Header + Check + """
                    - "[STATUS] == any(200, 204)"
                    - "[BODY].data.items[0].name == pat(web-*)"
                    - len([BODY].data.items) > 0
                    - "[CERTIFICATE_EXPIRATION] > 48h"
            """ + "\n");

        Assert.Equal(4, plan.Plan.Monitoring!.Checks[0].Expect.Count);
    }
}
