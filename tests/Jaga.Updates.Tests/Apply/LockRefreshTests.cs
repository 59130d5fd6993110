using Jaga.Core.Updates;
using Jaga.Core.Updates.Manifests;
using Jaga.Engine.Updates.Apply;

namespace Jaga.Updates.Tests.Apply;

public sealed class LockRefreshTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("jaga-locks-").FullName;

    [Fact]
    public void A_project_file_with_a_lock_beside_it_is_restored_by_name_with_force_evaluate()
    {
        Touch("src/App/App.csproj", "src/App/packages.lock.json");
        var refresh = Assert.Single(LockRefresh.For(root, "src/App/App.csproj", ManifestKind.ProjectFile));
        Assert.Equal("src/App/packages.lock.json", refresh.LockPath);
        Assert.Equal(Path.Combine(root, "src", "App"), refresh.Folder);
        Assert.Equal(["dotnet", "restore", "--force-evaluate", "App.csproj"], refresh.Command);
        Assert.Equal("dotnet restore --force-evaluate App.csproj in src/App", refresh.Describe(root));
    }

    [Fact]
    public void Without_a_lock_file_nothing_is_refreshed_and_python_manifests_never_are()
    {
        Touch("App.csproj", "package.json", "requirements.txt", "pyproject.toml");
        Assert.Empty(LockRefresh.For(root, "App.csproj", ManifestKind.ProjectFile));
        Assert.Empty(LockRefresh.For(root, "package.json", ManifestKind.PackageJson));
        Assert.Empty(LockRefresh.For(root, "requirements.txt", ManifestKind.Requirements));
        Assert.Empty(LockRefresh.For(root, "pyproject.toml", ManifestKind.PyProject));
    }

    [Fact]
    public void A_package_json_with_a_lock_is_refreshed_by_npm_without_scripts()
    {
        Touch("web/package.json", "web/package-lock.json");
        var refresh = Assert.Single(LockRefresh.For(root, "web/package.json", ManifestKind.PackageJson));
        Assert.Equal("web/package-lock.json", refresh.LockPath);
        Assert.Equal(["npm", "install", "--package-lock-only", "--ignore-scripts"], refresh.Command);
    }

    [Fact]
    public void Central_package_versions_refresh_every_lock_below_them_but_not_in_build_output_or_installed_packages()
    {
        Touch("Directory.Packages.props", "src/A/A.csproj", "src/A/packages.lock.json", "src/B/B.fsproj", "src/B/packages.lock.json",
            "src/C/C.csproj", "src/A/obj/packages.lock.json", "web/node_modules/x/packages.lock.json", "two/X.csproj", "two/Y.csproj", "two/packages.lock.json");
        var refreshes = LockRefresh.For(root, "Directory.Packages.props", ManifestKind.CentralPackages);
        Assert.Equal(["src/A/packages.lock.json", "src/B/packages.lock.json", "two/packages.lock.json"], refreshes.Select(r => r.LockPath).Order(StringComparer.Ordinal));
        Assert.Equal(["dotnet", "restore", "--force-evaluate", "B.fsproj"], refreshes.Single(r => r.LockPath.StartsWith("src/B", StringComparison.Ordinal)).Command);
        // Two projects in one folder: the restore is left to pick (and to say which it needs).
        Assert.Equal(["dotnet", "restore", "--force-evaluate"], refreshes.Single(r => r.LockPath.StartsWith("two/", StringComparison.Ordinal)).Command);
    }

    [Theory]
    [InlineData(Ecosystem.NuGet, "src/App/App.csproj", ManifestKind.ProjectFile)]
    [InlineData(Ecosystem.NuGet, "Directory.Build.props", ManifestKind.ProjectFile)]
    [InlineData(Ecosystem.NuGet, "directory.packages.props", ManifestKind.CentralPackages)]
    [InlineData(Ecosystem.NuGet, "src/App/packages.lock.json", ManifestKind.NuGetLock)]
    [InlineData(Ecosystem.Npm, "package.json", ManifestKind.PackageJson)]
    [InlineData(Ecosystem.Npm, "web/package-lock.json", ManifestKind.NpmLock)]
    [InlineData(Ecosystem.PyPI, "requirements-dev.txt", ManifestKind.Requirements)]
    [InlineData(Ecosystem.PyPI, "svc/pyproject.toml", ManifestKind.PyProject)]
    [InlineData(Ecosystem.PyPI, "deps/base.txt", ManifestKind.Requirements)]
    public void The_manifest_kind_follows_the_ecosystem_and_the_file_name(Ecosystem ecosystem, string path, ManifestKind kind)
    {
        var dependency = new Dependency(ecosystem, "x", "1.0.0", "1.0.0", new ManifestLocation(path, 1), DependencyScope.Runtime);
        Assert.Equal(kind, ManifestEdits.KindOf(dependency));
    }

    public void Dispose() => Jaga.Testing.FixtureFolders.TryDelete(root);

    private void Touch(params string[] paths)
    {
        foreach (var path in paths)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "");
        }
    }
}
