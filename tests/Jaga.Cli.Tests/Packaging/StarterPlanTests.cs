using System.Text.RegularExpressions;

namespace Jaga.Cli.Tests.Packaging;

/// <summary>The Debian package's <c>/etc/jaga/jaga.yaml</c> (<c>packaging/deb/jaga.yaml</c>) validates as shipped, and
/// so does each commented-out example once uncommented: a plan key renamed later fails here, not on a server.</summary>
public sealed partial class StarterPlanTests
{
    private static string StarterPlan => File.ReadAllText(Path.Combine(ValidateCommandTests.FindRoot(), "packaging", "deb", "jaga.yaml"));

    [Fact]
    public async Task The_starter_plan_validates_as_shipped()
    {
        using var ws = new Workspace(StarterPlan);
        var r = await ws.Jaga("validate");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("state /var/lib/jaga/state.db", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_commented_examples_validate_once_uncommented()
    {
        var lines = StarterPlan.Split('\n');
        var body = Array.FindIndex(lines, l => l.StartsWith("version:", StringComparison.Ordinal));
        var uncommented = lines.Select((line, i) => i > body && CommentedYaml().Match(line) is { Success: true } m ? m.Groups[1].Value + m.Groups[2].Value : line)
            .Select(line => line.Replace("/etc/jaga/jaga.env", ".env", StringComparison.Ordinal));
        var plan = string.Join('\n', uncommented);
        Assert.Contains("\nbackup:\n", plan, StringComparison.Ordinal);
        Assert.Contains("\n  checks:\n", plan, StringComparison.Ordinal);
        using var ws = new Workspace(plan);
        var r = await ws.Jaga("validate");
        Assert.True(r.Code == 0, r.ToString() + "\n--- plan\n" + plan);
        Assert.Contains("1 backup job(s), 1 destination(s), 1 check(s)", r.Out, StringComparison.Ordinal);
    }

    /// <summary>"# key: …", "#   nested: …", "# - item" — YAML commented out, not prose.</summary>
    [GeneratedRegex(@"^(\s*)# ((?:[a-z_]+:(?: |$)|- |\s).*)$")]
    private static partial Regex CommentedYaml();
}
