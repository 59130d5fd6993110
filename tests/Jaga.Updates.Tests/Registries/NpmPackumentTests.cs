using System.Text;
using Jaga.Engine.Updates.Registries.Npm;

namespace Jaga.Updates.Tests.Registries;

public sealed class NpmPackumentTests
{
    [Fact]
    public void A_full_packument_gives_deprecation_and_publish_times()
    {
        const string json = """
            {"name": "demo", "versions": {
               "1.0.0": {"version": "1.0.0", "deprecated": "use 2"},
               "1.1.0": {"version": "1.1.0", "deprecated": ""},
               "2.0.0": {"version": "2.0.0"}},
             "time": {"created": "2020-01-01T00:00:00.000Z", "2.0.0": "2021-02-03T04:05:06.789Z"}}
            """;

        var versions = NpmPackument.Versions(Encoding.UTF8.GetBytes(json));

        Assert.NotNull(versions);
        Assert.Equal(["1.0.0"], versions.Where(v => v.Withdrawn).Select(v => v.Version));
        Assert.Equal(new DateTimeOffset(2021, 2, 3, 4, 5, 6, 789, TimeSpan.Zero), versions.Single(v => v.Version == "2.0.0").Published);
        Assert.Null(versions.Single(v => v.Version == "1.0.0").Published);
    }

    [Fact]
    public void An_unpublished_package_has_no_versions_and_other_json_is_no_packument()
    {
        Assert.Equal([], NpmPackument.Versions("""{"name":"gone","time":{"unpublished":{"time":"2020-01-01T00:00:00Z"}}}"""u8.ToArray()));
        Assert.Null(NpmPackument.Versions("""{"error":"not found"}"""u8.ToArray()));
        Assert.Null(NpmPackument.Versions("[1,2]"u8.ToArray()));
    }

    [Fact]
    public void A_condensed_packument_reads_back_to_the_same_versions_without_the_manifests_and_readme()
    {
        const string json = """
            {"name": "demo", "readme": "# Demo, a long readme", "versions": {
               "1.0.0": {"version": "1.0.0", "deprecated": "use 2", "dist": {"tarball": "https://r.example/demo-1.0.0.tgz"}},
               "1.1.0": {"version": "1.1.0", "deprecated": ""},
               "2.0.0": {"version": "2.0.0", "dependencies": {"left-pad": "^1.0.0"}}},
             "time": {"created": "2020-01-01T00:00:00.000Z", "1.1.0": "2020-06-01T10:00:00Z", "2.0.0": "2021-02-03T04:05:06.789Z"}}
            """;
        var original = NpmPackument.Versions(Encoding.UTF8.GetBytes(json));

        var condensed = NpmPackument.Condensed(Encoding.UTF8.GetBytes(json));

        Assert.NotNull(condensed);
        Assert.Equal(original, NpmPackument.Versions(condensed));
        var text = Encoding.UTF8.GetString(condensed);
        Assert.DoesNotContain("readme", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tarball", text, StringComparison.Ordinal);
        Assert.DoesNotContain("left-pad", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_no_packument_is_not_condensed_and_an_unpublished_package_stays_without_versions()
    {
        Assert.Null(NpmPackument.Condensed("""{"error":"not found"}"""u8.ToArray()));
        Assert.Null(NpmPackument.Condensed("not json"u8.ToArray()));
        var unpublished = NpmPackument.Condensed("""{"name":"gone","time":{"unpublished":{"time":"2020-01-01T00:00:00Z"}}}"""u8.ToArray());
        Assert.NotNull(unpublished);
        Assert.Equal([], NpmPackument.Versions(unpublished));
    }
}
