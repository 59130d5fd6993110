using Jaga.Core.Updates.Registries;
using Jaga.Engine.Updates.Registries.Npm;
using Jaga.Testing;

namespace Jaga.Updates.Tests.Registries;

/// <summary>The one live test of the public npm registry, as npm on this machine is configured to reach it.</summary>
[Trait("Category", "Integration")]
[Trait("Network", "Public")]
public sealed class PublicNpmRegistryTests : IDisposable
{
    private readonly RegistryScene scene = new();

    [Fact]
    public async Task The_registry_npm_is_configured_with_has_lodash_4_17_21()
    {
        NpmTool.Require("npm");
        var configured = await ChildProcess.RunAsync("npm", ["config", "get", "registry"], TimeSpan.FromMinutes(1));
        Assert.Equal(0, configured.ExitCode);
        scene.Write("project/.npmrc", $"registry={configured.Output.Trim()}\n");

        var answer = await new NpmRegistryAdapter().Open(scene.Context()).VersionsAsync("lodash", default);

        var found = Assert.IsType<RegistryAnswer.Found>(answer);
        Assert.Contains(found.Versions, v => v.Version == "4.17.21" && !v.Withdrawn);
    }

    public void Dispose() => scene.Dispose();
}
