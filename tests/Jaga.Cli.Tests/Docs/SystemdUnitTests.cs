using System.Diagnostics;

namespace Jaga.Cli.Tests;

/// <summary>The systemd unit is a file in the repository (<c>deploy/jaga.service</c>); systemd itself checks it,
/// and <c>docs/deploy.md</c> shows exactly that file.</summary>
public sealed class SystemdUnitTests
{
    private static string UnitPath => Path.Combine(ValidateCommandTests.FindRoot(), "deploy", "jaga.service");

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Systemd_analyze_verify_finds_nothing_wrong_with_the_shipped_unit()
    {
        var info = new ProcessStartInfo("systemd-analyze", ["verify", "--man=no", UnitPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var analyze = Process.Start(info)!;
        var stdout = analyze.StandardOutput.ReadToEndAsync();
        var stderr = analyze.StandardError.ReadToEndAsync();
        await analyze.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        // The unit names the installed binary (/opt/jaga/jaga), which a test machine does not have: that one
        // diagnostic is about this machine, not the unit. Anything else (a comment systemd reads as a value, an
        // unknown key, a bad type) is a defect of the unit.
        var problems = (await stdout + await stderr)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.Contains("Command /opt/jaga/jaga is not executable", StringComparison.Ordinal))
            .ToList();
        Assert.True(problems.Count == 0, "systemd-analyze verify deploy/jaga.service:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void The_deploy_guide_shows_the_shipped_unit_verbatim()
    {
        var unit = File.ReadAllText(UnitPath).ReplaceLineEndings("\n");
        var guide = File.ReadAllText(Path.Combine(ValidateCommandTests.FindRoot(), "docs", "deploy.md")).ReplaceLineEndings("\n");
        Assert.True(guide.Contains("```ini\n" + unit + "```\n", StringComparison.Ordinal),
            "docs/deploy.md must show deploy/jaga.service exactly, in an ```ini block: copy the file into the guide");
    }

    [Fact]
    public void No_line_of_the_unit_carries_a_comment_after_a_value()
    {
        // systemd takes "Type=notify  # ready" as the value "notify  # ready": comments only start a line.
        var bad = File.ReadLines(UnitPath)
            .Where(line => !line.TrimStart().StartsWith('#') && line.Contains(" #", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(bad);
    }
}
