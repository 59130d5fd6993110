using Jaga.Core.Messages;
using Jaga.Core.Updates.Unused;
using Jaga.Engine.Updates.Manifests;
using Jaga.Engine.Updates.Unused;

namespace Jaga.Updates.Tests.Unused;

/// <summary>.NET: a PackageReference none of whose assemblies the built output references, on a console project built
/// once by the real <c>dotnet build</c>.</summary>
[Trait("Category", "Integration")]
public sealed class DotNetUnusedTests(BuiltConsoleProject built) : IClassFixture<BuiltConsoleProject>, IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("jaga-unused-scratch-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static IReadOnlyList<UnusedDependency> Unused(string root) =>
        UnusedDependencies.Find(root, ProjectDependencies.Read(root, ManifestDiscovery.Find(root), Catalog.English).Dependencies);

    [Fact]
    public void A_package_the_built_assembly_never_references_is_probably_unused_and_build_only_packages_never_are()
    {
        var unused = Unused(built.App);

        var spare = Assert.Single(unused);
        Assert.Equal(("Jaga.Spare", UnusedConfidence.High), (spare.Dependency.Name, spare.Confidence));
        Assert.Equal("the built bin/Release/net10.0/App.dll references none of its assemblies (Jaga.Spare)",
            Catalog.English.Format(spare.Evidence.Key, [.. spare.Evidence.Args]));
        Assert.Equal("App.csproj", spare.Dependency.Where.Path);
    }

    [Fact]
    public void A_project_never_built_is_not_checked_and_says_so()
    {
        // The same project restored but not built: its obj/ without its bin/.
        File.Copy(Path.Combine(built.App, "App.csproj"), Path.Combine(scratch, "App.csproj"));
        Directory.CreateDirectory(Path.Combine(scratch, "obj"));
        File.Copy(Path.Combine(built.App, "obj", "project.assets.json"), Path.Combine(scratch, "obj", "project.assets.json"));

        var unused = Unused(scratch);

        Assert.Equal(["Jaga.BuildOnly", "Jaga.Spare", "Jaga.Used"], unused.Select(u => u.Dependency.Name).Order(StringComparer.Ordinal));
        Assert.All(unused, u => Assert.False(u.Probable));
        Assert.All(unused, u => Assert.Equal("not built: run dotnet build first", Catalog.English.Format(u.Evidence.Key, [.. u.Evidence.Args])));
    }

    [Fact]
    public void An_assembly_that_is_no_assembly_is_no_evidence()
    {
        // A build cut short can leave a file that is not (yet) an assembly: nothing is called unused on its word.
        File.Copy(Path.Combine(built.App, "App.csproj"), Path.Combine(scratch, "App.csproj"));
        Directory.CreateDirectory(Path.Combine(scratch, "obj"));
        File.Copy(Path.Combine(built.App, "obj", "project.assets.json"), Path.Combine(scratch, "obj", "project.assets.json"));
        Directory.CreateDirectory(Path.Combine(scratch, "bin", "Debug", "net10.0"));
        File.WriteAllText(Path.Combine(scratch, "bin", "Debug", "net10.0", "App.dll"), "not a PE file");

        var unused = Unused(scratch);

        Assert.Equal(3, unused.Count);
        Assert.All(unused, u => Assert.Equal(("reason.unused.nuget.not.built", UnusedConfidence.Unchecked), (u.Evidence.Key, u.Confidence)));
    }

    [Fact]
    public void A_project_never_restored_is_not_checked_and_says_so()
    {
        File.Copy(Path.Combine(built.App, "App.csproj"), Path.Combine(scratch, "App.csproj"));

        var unused = Unused(scratch);

        Assert.Equal(3, unused.Count);
        Assert.All(unused, u => Assert.Equal(("reason.unused.nuget.not.restored", UnusedConfidence.Unchecked), (u.Evidence.Key, u.Confidence)));
    }
}
