using System.Text;
using Jaga.Engine.Updates.Registries.PyPI;

namespace Jaga.Updates.Tests.Registries;

/// <summary>Versions read from simple repository pages (PEP 503 HTML, PEP 691 JSON) and distribution file names.</summary>
public sealed class SimpleIndexPageTests
{
    [Theory]
    [InlineData("requests-2.32.3-py3-none-any.whl", "requests", "2.32.3")]
    [InlineData("numpy-1.26.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "numpy", "1.26.0")]
    [InlineData("foo_bar-1.0-1-py3-none-any.whl", "foo-bar", "1.0")]
    [InlineData("python-dateutil-2.9.0.post0.tar.gz", "python-dateutil", "2.9.0.post0")]
    [InlineData("Django-5.0.1.tar.gz", "django", "5.0.1")]
    [InlineData("zope.interface-6.1.zip", "zope-interface", "6.1")]
    [InlineData("requests-2.32.3.tar.gz", "requests-oauthlib", null)]
    [InlineData("requests_oauthlib-2.0.0.tar.gz", "requests", null)]
    [InlineData("requests-2.32.3.exe", "requests", null)]
    [InlineData("requests-2.32.3-py3.egg", "requests", null)]
    public void A_files_version_is_read_for_its_own_project_only(string file, string project, string? version) =>
        Assert.Equal(version, DistributionFile.VersionOf(file, project));

    [Theory]
    [InlineData("Friendly-Bard", "friendly-bard")]
    [InlineData("FRIENDLY-BARD", "friendly-bard")]
    [InlineData("friendly.bard", "friendly-bard")]
    [InlineData("friendly_bard", "friendly-bard")]
    [InlineData("friendly--bard", "friendly-bard")]
    [InlineData("FrIeNdLy-._.-bArD", "friendly-bard")]
    public void Names_are_normalized_as_PEP_503_says(string name, string normalized) =>
        Assert.Equal(normalized, DistributionFile.Normalize(name));

    [Fact]
    public void An_html_page_gives_each_version_once_and_a_version_is_withdrawn_only_when_all_its_files_are_yanked()
    {
        const string html = """
            <html><body>
            <a href="https://files.example/a/demo-1.0.tar.gz#sha256=00">demo-1.0.tar.gz</a>
            <a href="../../packages/demo-1.0-py3-none-any.whl#sha256=01" data-requires-python="&gt;=3.8">demo-1.0-py3-none-any.whl</a>
            <a data-yanked="" href='demo-1.1.tar.gz'>demo-1.1.tar.gz</a>
            <a href="demo-1.1-py3-none-any.whl" data-yanked="bad wheel">demo-1.1-py3-none-any.whl</a>
            <A HREF="demo-1.2.tar.gz" data-yanked>demo-1.2.tar.gz</A>
            <a href="demo-1.2-py3-none-any.whl">demo-1.2-py3-none-any.whl</a>
            </body></html>
            """;

        var versions = SimpleIndexPage.Versions(Encoding.UTF8.GetBytes(html), "text/html", "demo");

        Assert.NotNull(versions);
        Assert.Equal(["1.0", "1.1", "1.2"], versions.Select(v => v.Version).Order(StringComparer.Ordinal));
        Assert.Equal(["1.1"], versions.Where(v => v.Withdrawn).Select(v => v.Version));
    }

    [Fact]
    public void A_json_page_gives_yanked_files_and_upload_times()
    {
        const string json = """
            {"meta": {"api-version": "1.1"}, "name": "demo", "versions": ["1.0", "1.1"], "files": [
              {"filename": "demo-1.0.tar.gz", "url": "x", "hashes": {}, "yanked": false, "upload-time": "2024-01-02T03:04:05.000000Z"},
              {"filename": "demo-1.1.tar.gz", "url": "y", "hashes": {}, "yanked": "a reason"}
            ]}
            """;

        var versions = SimpleIndexPage.Versions(Encoding.UTF8.GetBytes(json), SimpleIndexPage.JsonType, "demo");

        Assert.NotNull(versions);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), versions.Single(v => v.Version == "1.0").Published);
        Assert.True(versions.Single(v => v.Version == "1.1").Withdrawn);
        Assert.False(versions.Single(v => v.Version == "1.0").Withdrawn);
    }

    [Fact]
    public void A_document_of_neither_form_is_no_page()
    {
        Assert.Null(SimpleIndexPage.Versions(Encoding.UTF8.GetBytes("{\"detail\": \"nope\"}"), SimpleIndexPage.JsonType, "demo"));
        Assert.Null(SimpleIndexPage.Versions(Encoding.UTF8.GetBytes("plain text"), "text/plain", "demo"));
    }
}
