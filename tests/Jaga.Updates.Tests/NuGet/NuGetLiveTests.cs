using Jaga.Core.Updates;
using Jaga.Core.Updates.Registries;
using Jaga.Core.Updates.Versions;
using Jaga.NuGet;
using Jaga.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Updates.Tests.NuGet;

/// <summary>The public NuGet source as this machine's own NuGet configuration names it (the user's NuGet.Config, read
/// from the real HOME): the one test that leaves loopback.</summary>
[Trait("Category", "Integration")]
[Trait("Network", "Public")]
public sealed class NuGetLiveTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"jaga-nuget-live-{Guid.NewGuid():N}");

    public void Dispose() => FixtureFolders.TryDelete(root);

    [Fact]
    public async Task Newtonsoft_Json_on_the_configured_public_source_has_13_0_3_or_newer()
    {
        var project = Directory.CreateDirectory(Path.Combine(root, "project")).FullName;
        using var http = new HttpClient();
        var context = new RegistryContext(project, Environment.GetEnvironmentVariable, Path.Combine(root, "cache"), http,
            Concurrency: 4, Offline: false, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)));

        var answer = await new NuGetRegistryAdapter().Open(context).VersionsAsync("Newtonsoft.Json", CancellationToken.None);

        var found = Assert.IsType<RegistryAnswer.Found>(answer);
        var scheme = VersionScheme.For(Ecosystem.NuGet);
        Assert.True(scheme.TryParseVersion("13.0.3", out var floor));
        Assert.Contains(found.Versions, v => scheme.TryParseVersion(v.Version, out var parsed) && parsed.CompareTo(floor) >= 0);
    }
}
