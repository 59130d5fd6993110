using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Unused;
using Jaga.Engine.Updates.Audit.Reports;

namespace Jaga.Updates.Tests.Unused;

/// <summary>The audit's reports show probably-unused dependencies apart from the findings, and they never fail it.</summary>
public sealed class UnusedReportTests
{
    private static readonly UnusedDependency Pad = new(
        new Dependency(Ecosystem.Npm, "left-pad", "1.3.0", "1.3.0", new ManifestLocation("web/package.json", 10), DependencyScope.Runtime),
        new Phrase("reason.unused.npm", ["web/", 42]), UnusedConfidence.Medium);

    private static readonly UnusedDependency Unbuilt = new(
        new Dependency(Ecosystem.NuGet, "Serilog", "3.1.1", "3.1.1", new ManifestLocation("src/Api/Api.csproj", 9), DependencyScope.Runtime),
        new Phrase("reason.unused.nuget.not.built"), UnusedConfidence.Unchecked);

    private static AuditReport Report() =>
        new AuditReport([], new Dictionary<Ecosystem, IReadOnlyList<string>>(), [], [], [], [], [], FailOn.High) { Unused = [Pad, Unbuilt] };

    private static readonly UpdatePolicy Policy = new(UpdateAction.Immediate, UpdateAction.Auto, UpdateAction.Review, UpdateAction.Manual);

    [Fact]
    public void The_section_lists_each_probably_unused_dependency_with_its_evidence_then_what_was_not_checked()
    {
        Assert.Equal(
            [
                "Probably unused (1):",
                "  left-pad (npm, web/package.json:10): no file under web/ imports or requires it; no script names it (scanned 42 files)",
                "Not checked for use (1):",
                "  Serilog (NuGet, src/Api/Api.csproj:9): not built: run dotnet build first",
            ],
            UnusedSection.Lines(Report(), Catalog.English));
        Assert.Equal("Kemungkinan tidak dipakai (1):", UnusedSection.Lines(Report(), Catalog.Indonesian)[0]);
        Assert.Empty(UnusedSection.Lines(Report() with { Unused = [] }, Catalog.English));
    }

    [Fact]
    public void Unused_dependencies_are_advice_that_never_fails_the_audit()
    {
        Assert.True(Report().Passed);
    }

    [Fact]
    public void The_json_lists_them_with_english_evidence_apart_from_those_not_checked()
    {
        var json = AuditJson.Of(Report(), DateTimeOffset.UnixEpoch, TimeSpan.FromDays(1));

        var unused = json["unused"]!.AsArray().Single()!;
        Assert.Equal(("npm", "left-pad", "web/package.json", 10, "medium"),
            ((string?)unused["ecosystem"], (string?)unused["name"], (string?)unused["manifest"], (int)unused["line"]!, (string?)unused["confidence"]));
        Assert.Equal("no file under web/ imports or requires it; no script names it (scanned 42 files)", (string?)unused["evidence"]);
        Assert.Equal("Serilog", (string?)json["unused_unchecked"]!.AsArray().Single()!["name"]);
    }

    [Fact]
    public void The_markdown_lists_them_under_the_table()
    {
        var md = AuditMarkdown.Of(Report(), Catalog.English, Policy, [], []);

        Assert.Contains("**Probably unused (1):**", md, StringComparison.Ordinal);
        Assert.Contains("- left-pad (npm, web/package.json:10): no file under web/", md, StringComparison.Ordinal);
        Assert.True(md.IndexOf("Probably unused", StringComparison.Ordinal) < md.IndexOf("Audit passed", StringComparison.Ordinal), md);
    }
}
