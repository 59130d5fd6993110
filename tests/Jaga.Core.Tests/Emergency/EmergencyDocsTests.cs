using System.Text.RegularExpressions;
using Jaga.Core.Tests.Plan;
using Jaga.Core.Tests.Plan.Schema;

namespace Jaga.Core.Tests.Emergency;

/// <summary>The plans shown in docs/emergency.md load, and pass the JSON Schema an editor checks them with.</summary>
public sealed partial class EmergencyDocsTests
{
    public static TheoryData<int> Examples()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Blocks().Count; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_plan_is_valid(int index)
    {
        var yaml = Blocks()[index];

        var result = Plans.Load(yaml, variables: new Dictionary<string, string>());
        Assert.True(result.Ok, $"example {index + 1}:\n{string.Join("\n", result.Errors)}");
        Assert.NotEmpty(result.Plan!.Plan.Emergency.Runbooks);
        using var reader = new StringReader(yaml);
        Assert.Equal("", JsonSchemaValidationTests.Problems(JsonSchemaValidationTests.ToJson(reader)));
    }

    [Fact]
    public void The_page_has_its_examples()
    {
        Assert.True(Blocks().Count >= 3, $"only {Blocks().Count} yaml examples found in docs/emergency.md");
    }

    private static List<string> Blocks() =>
        [.. YamlBlock().Matches(File.ReadAllText(RepoRoot.Combine("docs", "emergency.md"))).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
