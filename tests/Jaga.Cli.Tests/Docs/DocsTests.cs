using Jaga.Core.Plan.Schema;

namespace Jaga.Cli.Tests;

/// <summary>The docs say what the code does: generated parts of docs/ are compared with the code.</summary>
public sealed class DocsTests
{
    [Fact]
    public void Plan_md_key_reference_matches_the_schema()
    {
        var path = Path.Combine(ValidateCommandTests.FindRoot(), "docs", "plan.md");
        var text = File.ReadAllText(path);
        var generated = PlanReference.Markdown();
        var start = text.IndexOf(PlanReference.Begin, StringComparison.Ordinal);
        var end = text.IndexOf(PlanReference.End, StringComparison.Ordinal);
        var current = start >= 0 && end > start ? text[start..(end + PlanReference.End.Length + 1)] : "";
        if (Environment.GetEnvironmentVariable("JAGA_UPDATE_DOCS") == "1" && current != generated)
        {
            File.WriteAllText(path, start >= 0 ? text.Replace(current, generated, StringComparison.Ordinal) : text + generated);
            return;
        }
        Assert.True(current == generated, "docs/plan.md is out of date with the plan schema; run: JAGA_UPDATE_DOCS=1 dotnet test tests/Jaga.Cli.Tests --filter DocsTests");
    }
}
