using Jaga.Core.Updates.Manifests;

namespace Jaga.Updates.Tests.Manifests;

public sealed class ManifestKindsTests
{
    [Theory]
    [InlineData("src/Shop/Shop.csproj", ManifestKind.ProjectFile)]
    [InlineData("src/Core/Core.FSPROJ", ManifestKind.ProjectFile)]
    [InlineData("Directory.Packages.props", ManifestKind.CentralPackages)]
    [InlineData("src/Shop/packages.lock.json", ManifestKind.NuGetLock)]
    [InlineData("web/package.json", ManifestKind.PackageJson)]
    [InlineData("web/package-lock.json", ManifestKind.NpmLock)]
    [InlineData("web/npm-shrinkwrap.json", ManifestKind.NpmLock)]
    [InlineData("requirements.txt", ManifestKind.Requirements)]
    [InlineData("requirements-dev.txt", ManifestKind.Requirements)]
    [InlineData("dev-requirements.txt", ManifestKind.Requirements)]
    [InlineData("requirements/prod.txt", ManifestKind.Requirements)]
    [InlineData("services\\api\\pyproject.toml", ManifestKind.PyProject)]
    public void A_manifest_is_known_by_its_name(string path, ManifestKind kind) => Assert.Equal(kind, ManifestKinds.Of(path));

    [Theory]
    [InlineData("README.md")]
    [InlineData("notes.txt")]
    [InlineData("Directory.Build.props")]
    [InlineData("tsconfig.json")]
    [InlineData("setup.py")]
    public void Other_files_are_no_manifest(string path) => Assert.Null(ManifestKinds.Of(path));
}
