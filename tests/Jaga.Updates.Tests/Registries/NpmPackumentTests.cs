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
}
