using Jaga.Core.Errors;
using Jaga.Core.Updates.Registries;
using Jaga.Engine.Updates.Registries.PyPI;

namespace Jaga.Updates.Tests.Registries;

/// <summary>A PEP 503 index kept as files, named as pip takes one (a folder, or a <c>file:</c> URL): a project's page is
/// <c>{folder}/{normalized name}/index.html</c>, read without network, also offline.</summary>
public sealed class LocalIndexRegistryTests : IDisposable
{
    private readonly RegistryScene scene = new();
    private readonly PyPIRegistryAdapter adapter = new();

    public LocalIndexRegistryTests()
    {
        scene.Write("index/simple/python-dateutil/index.html", """
            <!DOCTYPE html>
            <html><body>
              <a href="../../files/python_dateutil-2.8.2-py2.py3-none-any.whl">python_dateutil-2.8.2-py2.py3-none-any.whl</a><br/>
              <a href="../../files/python-dateutil-2.8.2.tar.gz">python-dateutil-2.8.2.tar.gz</a><br/>
              <a href="../../files/python-dateutil-2.9.0.tar.gz" data-yanked="">python-dateutil-2.9.0.tar.gz</a><br/>
              <a href="../../files/python_dateutil-2.9.0.post0-py2.py3-none-any.whl">python_dateutil-2.9.0.post0-py2.py3-none-any.whl</a><br/>
            </body></html>
            """);
        scene.Environment["PIP_CONFIG_FILE"] = "/dev/null";
    }

    private string Folder => Path.Combine(Path.GetDirectoryName(scene.Project)!, "index", "simple");

    public void Dispose() => scene.Dispose();

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task A_folder_index_lists_the_versions_of_its_files_as_a_served_one_does(bool asFileUrl, bool offline)
    {
        scene.Environment["PIP_INDEX_URL"] = asFileUrl ? new Uri(Folder).AbsoluteUri : Folder;

        var registry = adapter.Open(scene.Context(offline: offline));
        var found = Assert.IsType<RegistryAnswer.Found>(await registry.VersionsAsync("Python_Dateutil", default));

        Assert.Equal(["2.8.2", "2.9.0", "2.9.0.post0"], found.Versions.Select(v => v.Version).Order(StringComparer.Ordinal));
        Assert.Equal(["2.9.0"], found.Versions.Where(v => v.Withdrawn).Select(v => v.Version));
        Assert.Equal(new Uri(Folder + "/").AbsoluteUri, Assert.Single(registry.Sources));
        Assert.False(Directory.Exists(scene.Cache), "a folder index needs no cache");
    }

    [Fact]
    public async Task A_relative_folder_is_taken_from_the_plans_folder_not_the_working_directory()
    {
        scene.Environment["PIP_INDEX_URL"] = "index/simple";

        var registry = adapter.Open(scene.Context() with { BaseFolder = Path.GetDirectoryName(scene.Project) });

        Assert.IsType<RegistryAnswer.Found>(await registry.VersionsAsync("python-dateutil", default));
        Assert.Equal(new Uri(Folder + "/").AbsoluteUri, Assert.Single(registry.Sources));
    }

    [Fact]
    public async Task A_project_the_folder_does_not_have_is_not_found()
    {
        scene.Environment["PIP_INDEX_URL"] = Folder;

        Assert.IsType<RegistryAnswer.NotFound>(await adapter.Open(scene.Context()).VersionsAsync("requests", default));
    }

    [Fact]
    public async Task A_page_that_is_a_fifo_or_a_device_is_a_failure_without_blocking_or_filling_memory()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "requests"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(Folder, "requests", "index.html")])) await mkfifo.WaitForExitAsync();
        Directory.CreateDirectory(Path.Combine(Folder, "numpy"));
        File.CreateSymbolicLink(Path.Combine(Folder, "numpy", "index.html"), "/dev/zero");
        scene.Environment["PIP_INDEX_URL"] = Folder;
        var registry = adapter.Open(scene.Context());

        var fifo = Assert.IsType<RegistryAnswer.Failed>(await registry.VersionsAsync("requests", default).WaitAsync(TimeSpan.FromSeconds(30)));
        var zero = Assert.IsType<RegistryAnswer.Failed>(await registry.VersionsAsync("numpy", default).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal((RegistryFailure.Unreachable, RegistryFailure.Unreachable), (fifo.Failure, zero.Failure));
        Assert.Contains("FIFO", fifo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_index_folder_is_a_failure_that_names_it_never_an_empty_answer()
    {
        var missing = Path.Combine(Folder, "..", "nowhere");
        scene.Environment["PIP_INDEX_URL"] = missing;

        var failed = Assert.IsType<RegistryAnswer.Failed>(await adapter.Open(scene.Context()).VersionsAsync("python-dateutil", default));

        Assert.Equal(RegistryFailure.Unreachable, failed.Failure);
        Assert.Contains($"the index's folder {Path.GetFullPath(missing)}/ does not exist", failed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pypi.example/simple")]
    [InlineData("ftp://pypi.example/simple/")]
    [InlineData("http//pypi.example/simple")]
    public void Anything_else_is_refused_naming_where_it_was_set(string index)
    {
        scene.Environment["PIP_INDEX_URL"] = index;

        var error = Assert.Throws<UserException>(() => adapter.Open(scene.Context()));

        Assert.StartsWith("PIP_INDEX_URL: '", error.Message, StringComparison.Ordinal);
        Assert.Contains("file: URL", error.Hint, StringComparison.Ordinal);
    }
}
