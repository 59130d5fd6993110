using System.Text.Json.Nodes;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Schema;

namespace Jaga.Core.Tests.Plan;

/// <summary>A runbook's trigger is spelled <c>trigger:</c>, because YAML 1.1 readers take the key <c>on</c> for
/// <c>true</c>; plans written with <c>on:</c> still load.</summary>
public sealed class RunbookTriggerTests
{
    private const string Head = """
        version: 1
        project: shop
        monitoring:
          checks:
            - { name: api, http: "https://shop.example/health" }
        emergency:
          runbooks:
            - name: restart-api

        """;

    [Theory]
    [InlineData("trigger")]
    [InlineData("on")]
    public void Both_spellings_bind_the_trigger(string key)
    {
        var plan = Plans.Valid(Head + $"      {key}: {{ check: api, failing_for: 3m }}\n      steps:\n        - run: systemctl restart shop\n");
        var trigger = Assert.IsType<CheckTrigger>(plan.Plan.Emergency.Runbooks[0].Trigger);
        Assert.Equal("api", trigger.Check);
        Assert.Equal(TimeSpan.FromMinutes(3), trigger.FailingFor);
    }

    [Fact]
    public void The_json_schema_names_trigger_and_marks_on_deprecated()
    {
        var runbook = JsonNode.Parse(JsonSchemaWriter.Write())!["properties"]!["emergency"]!["properties"]!["runbooks"]!["items"]!["properties"]!;
        Assert.Equal("object", (string?)runbook["trigger"]!["type"]);
        Assert.True((bool)runbook["on"]!["deprecated"]!);
    }

    [Fact]
    public void The_example_plan_uses_trigger()
    {
        var text = File.ReadAllText(RepoRoot.Combine("examples", "tokoku", "jaga.yaml"));
        Assert.DoesNotContain(" on: ", text, StringComparison.Ordinal);
        Assert.Contains("trigger: { check: api", text, StringComparison.Ordinal);
    }
}
