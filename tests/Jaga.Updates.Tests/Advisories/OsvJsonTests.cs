using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;

namespace Jaga.Updates.Tests.Advisories;

public sealed class OsvJsonTests
{
    [Fact]
    public void A_GitHub_advisory_reads_with_its_aliases_summary_severity_and_range()
    {
        var a = OsvFiles.Read(OsvFiles.NewtonsoftJson);

        Assert.Equal("GHSA-5crp-9r3c-p9vr", a.Id);
        Assert.Equal(["CVE-2024-21907"], a.Aliases);
        Assert.Equal("Improper Handling of Exceptional Conditions in Newtonsoft.Json", a.Summary);
        Assert.Equal(Severity.High, a.Severity);
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 22, 9, 11, TimeSpan.Zero), a.Modified);
        var p = Assert.Single(a.Affected);
        Assert.Equal((Ecosystem.NuGet, "Newtonsoft.Json"), (p.Ecosystem, p.Name));
        var range = Assert.Single(p.Ranges);
        Assert.Equal(OsvRangeType.Ecosystem, range.Type);
        Assert.Equal([new OsvEvent(OsvEventKind.Introduced, "0"), new OsvEvent(OsvEventKind.Fixed, "13.0.1")], range.Events);
        Assert.Empty(p.Versions);
    }

    [Fact]
    public void Ecosystems_Jaga_does_not_read_are_left_out()
    {
        var a = OsvFiles.Read(OsvFiles.LodashRedos);

        Assert.Equal(["lodash", "lodash-es"], a.Affected.Select(p => p.Name));
        Assert.All(a.Affected, p => Assert.Equal(Ecosystem.Npm, p.Ecosystem));
        Assert.Equal(Severity.Moderate, a.Severity);
        Assert.Equal(OsvRangeType.Semver, a.Affected[0].Ranges[0].Type);
    }

    [Fact]
    public void A_PyPI_advisory_keeps_its_git_range_its_versions_and_takes_its_summary_from_the_details()
    {
        var r = OsvJson.Read(OsvFiles.Text(OsvFiles.Requests));

        Assert.Null(r.Withdrawn);
        Assert.Equal(["CVE-2023-32681", "GHSA-j8r2-6x86-q33q"], r.Advisory.Aliases);
        Assert.StartsWith("Requests is a HTTP library. Since Requests 2.3.0,", r.Advisory.Summary, StringComparison.Ordinal);
        Assert.True(r.Advisory.Summary.Length <= 120);
        Assert.EndsWith("…", r.Advisory.Summary, StringComparison.Ordinal);
        Assert.Equal(Severity.Unknown, r.Advisory.Severity);
        var p = Assert.Single(r.Advisory.Affected);
        Assert.Equal([OsvRangeType.Git, OsvRangeType.Ecosystem], p.Ranges.Select(x => x.Type));
        Assert.Equal(66, p.Versions.Count);
    }

    [Fact]
    public void Withdrawn_is_read()
    {
        var r = OsvJson.Read(OsvFiles.Text(OsvFiles.NumpyWithdrawn));

        Assert.Equal(new DateTimeOffset(2024, 4, 10, 8, 0, 0, TimeSpan.Zero), r.Withdrawn);
        Assert.Equal("Vulnerability in numpy", r.Advisory.Summary);
    }

    [Fact]
    public void Without_database_specific_severity_the_CVSS_v3_vector_ranks_it()
    {
        // GHSA-p6mc-m468-83gw without GitHub's own word: its vector scores 7.4.
        var json = OsvFiles.Text(OsvFiles.LodashPollution).Replace("\"severity\": \"HIGH\",", "", StringComparison.Ordinal);
        var critical = json.Replace("AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", StringComparison.Ordinal);
        var perPackage = """
            {"id":"X-1","affected":[{"package":{"ecosystem":"npm","name":"a"},
              "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N"}]}]}
            """;
        var v4Only = """{"id":"X-2","severity":[{"type":"CVSS_V4","score":"CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N"}]}""";

        Assert.Equal(Severity.High, OsvJson.Read(json).Advisory.Severity);
        Assert.Equal(Severity.Critical, OsvJson.Read(critical).Advisory.Severity);
        Assert.Equal(Severity.Low, OsvJson.Read(perPackage).Advisory.Severity);
        Assert.Equal(Severity.Unknown, OsvJson.Read(v4Only).Advisory.Severity);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"summary\":\"no id\"}")]
    public void What_is_not_an_OSV_document_is_a_format_error(string text) =>
        Assert.Throws<FormatException>(() => OsvJson.Read(text));

    [Fact]
    public void Written_back_an_advisory_reads_the_same_without_its_git_ranges()
    {
        foreach (var name in OsvFiles.All)
        {
            var a = OsvFiles.Read(name);
            var again = OsvJson.Read(OsvJson.Write(a)).Advisory;

            Assert.Equal((a.Id, a.Summary, a.Severity, a.Modified), (again.Id, again.Summary, again.Severity, again.Modified));
            Assert.Equal(a.Aliases, again.Aliases);
            Assert.Equal(a.Affected.Count, again.Affected.Count);
            foreach (var (p, q) in a.Affected.Zip(again.Affected))
            {
                Assert.Equal((p.Ecosystem, p.Name), (q.Ecosystem, q.Name));
                Assert.Equal(p.Versions, q.Versions);
                var kept = p.Ranges.Where(r => r.Type != OsvRangeType.Git).ToList();
                Assert.Equal(kept.Select(r => r.Type), q.Ranges.Select(r => r.Type));
                Assert.Equal(kept.SelectMany(r => r.Events), q.Ranges.SelectMany(r => r.Events));
            }
        }
    }
}
