using Jaga.Core.Updates.Registries;
using Jaga.NuGet;
using Jaga.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Updates.Tests.NuGet;

/// <summary>One test's folders: a project folder (its NuGet.Config written by the test), a home of its own (so no test
/// reads the developer's user NuGet.Config), an empty machine-wide folder and a registry cache.</summary>
public sealed class NuGetScratch : IDisposable
{
    /// <summary>Requests in flight at once, at most, in the registries the tests open.</summary>
    public const int Concurrency = 3;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public NuGetScratch()
    {
        Directory.CreateDirectory(Project);
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Machine);
        Environment["HOME"] = Home;
        Environment["NUGET_COMMON_APPLICATION_DATA"] = Machine;
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"jaga-nuget-{Guid.NewGuid():N}");

    public string Project => Path.Combine(Root, "repo", "src", "app");

    public string Home => Path.Combine(Root, "home");

    public string Machine => Path.Combine(Root, "machine");

    public string Cache => Path.Combine(Root, "cache");

    /// <summary>What the registry's environment lookup answers; HOME is this scratch's own.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Writes a NuGet.Config with <paramref name="sections"/> into <paramref name="folder"/> (the project
    /// folder by default) and returns its path.</summary>
    public string Config(string sections, string? folder = null)
    {
        var dir = folder ?? Project;
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "NuGet.Config");
        File.WriteAllText(path, NuGetConfigText.Of(sections));
        return path;
    }

    public RegistryContext Context(bool offline = false) =>
        new(Project, name => Environment.GetValueOrDefault(name), Cache, Http, Concurrency, offline, Clock);

    public IPackageRegistry Open(bool offline = false) => new NuGetRegistryAdapter().Open(Context(offline));

    public void Dispose() => FixtureFolders.TryDelete(Root);
}
