using System.Net;
using Jaga.Core.Updates.Registries;
using Jaga.Engine.Updates.Registries.Npm;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Updates.Tests.Registries;

/// <summary>The npm registry adapter against a real private registry (Verdaccio) configured by a scoped .npmrc.</summary>
[Trait("Category", "Integration")]
public sealed class NpmRegistryTests(NpmTestRegistry registry) : IClassFixture<NpmTestRegistry>, IDisposable
{
    private readonly RegistryScene scene = new();
    private readonly NpmRegistryAdapter adapter = new();

    private string Url => registry.Server.Url;

    private string NerfDart => $"//127.0.0.1:{registry.Server.Port}/";

    [Fact]
    public async Task A_scoped_npmrc_with_the_token_finds_the_private_packages_versions()
    {
        scene.Write("project/package.json", "{}");
        scene.Write("project/.npmrc", $"@acme:registry={Url}\n{NerfDart}:_authToken={registry.Token}\n");

        var answer = await Open().VersionsAsync(NpmTestRegistry.Private, default);

        var found = Assert.IsType<RegistryAnswer.Found>(answer);
        Assert.Equal(["1.0.0", "1.1.0", "2.0.0"], found.Versions.Select(v => v.Version).Order());
        Assert.Equal(Url, found.Source);
    }

    [Fact]
    public async Task The_token_may_come_from_the_environment_through_a_variable_in_the_users_npmrc()
    {
        scene.Write("home/.npmrc", $"@acme:registry={Url}\n{NerfDart}:_authToken=${{NPM_TOKEN}}\n");
        scene.Environment["NPM_TOKEN"] = registry.Token;

        Assert.IsType<RegistryAnswer.Found>(await Open().VersionsAsync(NpmTestRegistry.Private, default));
    }

    [Fact]
    public async Task Without_a_token_the_private_package_is_unauthorized_and_the_message_says_which_key_to_add()
    {
        scene.Write("project/.npmrc", $"@acme:registry={Url}\n");

        var failed = Assert.IsType<RegistryAnswer.Failed>(await Open().VersionsAsync(NpmTestRegistry.Private, default));

        Assert.Equal(RegistryFailure.Unauthorized, failed.Failure);
        Assert.Contains($"{NerfDart}:_authToken", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_variable_the_environment_does_not_set_is_named_in_the_failure()
    {
        var npmrc = scene.Write("project/.npmrc", $"@acme:registry={Url}\n{NerfDart}:_authToken=${{ACME_NPM_TOKEN}}\n");

        var failed = Assert.IsType<RegistryAnswer.Failed>(await Open().VersionsAsync(NpmTestRegistry.Private, default));

        Assert.Equal(RegistryFailure.Unauthorized, failed.Failure);
        Assert.Contains("ACME_NPM_TOKEN", failed.Message, StringComparison.Ordinal);
        Assert.Contains(npmrc, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_token_is_unauthorized_and_appears_nowhere()
    {
        const string wrong = "bm90LWEtdmFsaWQtdG9rZW4tZm9yLWphZ2E=";
        scene.Write("project/.npmrc", $"@acme:registry={Url}\n{NerfDart}:_authToken={wrong}\n");

        var failed = Assert.IsType<RegistryAnswer.Failed>(await Open().VersionsAsync(NpmTestRegistry.Private, default));

        Assert.Equal(RegistryFailure.Unauthorized, failed.Failure);
        Assert.DoesNotContain(wrong, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_reaches_neither_the_cache_file_names_nor_their_contents()
    {
        scene.Write("project/.npmrc", $"@acme:registry={Url}\n{NerfDart}:_authToken={registry.Token}\n");

        Assert.IsType<RegistryAnswer.Found>(await Open().VersionsAsync(NpmTestRegistry.Private, default));

        var cache = scene.CacheText();
        Assert.Contains("2.0.0", cache, StringComparison.Ordinal);
        Assert.DoesNotContain(registry.Token, cache, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deprecated_version_is_withdrawn_and_the_default_registry_comes_from_the_npmrc()
    {
        scene.Write("project/.npmrc", $"registry={Url}\n");

        var found = Assert.IsType<RegistryAnswer.Found>(await Open().VersionsAsync(NpmTestRegistry.Public, default));

        Assert.Equal(["1.0.1"], found.Versions.Where(v => v.Withdrawn).Select(v => v.Version));
        Assert.Equal(["1.0.0", "1.0.1", "1.1.0", "2.0.0"], found.Versions.Select(v => v.Version).Order());
    }

    [Fact]
    public async Task The_registry_variable_overrides_the_npmrc()
    {
        scene.Write("project/.npmrc", "registry=http://127.0.0.1:9/\n");
        scene.Environment["npm_config_registry"] = Url;

        Assert.IsType<RegistryAnswer.Found>(await Open().VersionsAsync(NpmTestRegistry.Public, default));
    }

    [Fact]
    public async Task A_package_the_registry_does_not_have_is_not_found()
    {
        scene.Write("project/.npmrc", $"registry={Url}\n");

        Assert.IsType<RegistryAnswer.NotFound>(await Open().VersionsAsync("jaga-no-such-package", default));
    }

    [Fact]
    public async Task A_registry_on_a_port_where_nothing_listens_is_unreachable()
    {
        var closed = Jaga.Testing.Loopback.FreePort();
        scene.Write("project/.npmrc", $"registry=http://127.0.0.1:{closed}/\n");

        var failed = Assert.IsType<RegistryAnswer.Failed>(await Open().VersionsAsync(NpmTestRegistry.Public, default));

        Assert.Equal(RegistryFailure.Unreachable, failed.Failure);
        Assert.Contains($"127.0.0.1:{closed}", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_ask_after_the_freshness_window_is_revalidated_with_the_etag_and_answered_from_the_cache()
    {
        scene.Write("project/.npmrc", $"@acme:registry={Url}\n{NerfDart}:_authToken={registry.Token}\n");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));
        var first = Assert.IsType<RegistryAnswer.Found>(await adapter.Open(scene.Context(clock: clock)).VersionsAsync(NpmTestRegistry.Private, default));

        clock.Advance(RegistryFreshness.DefaultWindow + TimeSpan.FromSeconds(1));
        var second = Assert.IsType<RegistryAnswer.Found>(await adapter.Open(scene.Context(clock: clock)).VersionsAsync(NpmTestRegistry.Private, default));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotModified], scene.Received(new Uri(Url + "@acme%2fx")));
        Assert.Equal(first.Versions, second.Versions);
    }

    [Fact]
    public async Task Within_the_freshness_window_a_second_ask_is_answered_from_the_cache_without_a_request()
    {
        scene.Write("project/.npmrc", $"@acme:registry={Url}\n{NerfDart}:_authToken={registry.Token}\n");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));
        var first = Assert.IsType<RegistryAnswer.Found>(await adapter.Open(scene.Context(clock: clock)).VersionsAsync(NpmTestRegistry.Private, default));

        clock.Advance(RegistryFreshness.DefaultWindow - TimeSpan.FromSeconds(1));
        var second = Assert.IsType<RegistryAnswer.Found>(await adapter.Open(scene.Context(clock: clock)).VersionsAsync(NpmTestRegistry.Private, default));

        Assert.Equal([HttpStatusCode.OK], scene.Received(new Uri(Url + "@acme%2fx")));
        Assert.Equal(first.Versions, second.Versions);
        // The packument is kept cut to what is read (versions, deprecations, times), not with every version's manifest.
        Assert.DoesNotContain("tarball", scene.CacheText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zero_window_revalidates_an_answer_however_young()
    {
        scene.Write("project/.npmrc", $"@acme:registry={Url}\n{NerfDart}:_authToken={registry.Token}\n");
        await adapter.Open(scene.Context(freshFor: TimeSpan.Zero)).VersionsAsync(NpmTestRegistry.Private, default);

        Assert.IsType<RegistryAnswer.Found>(await adapter.Open(scene.Context(freshFor: TimeSpan.Zero)).VersionsAsync(NpmTestRegistry.Private, default));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotModified], scene.Received(new Uri(Url + "@acme%2fx")));
    }

    [Fact]
    public async Task Offline_the_cache_answers_without_asking_and_a_package_never_asked_is_a_failure()
    {
        scene.Write("project/.npmrc", $"registry={Url}\n");
        var online = Assert.IsType<RegistryAnswer.Found>(await Open().VersionsAsync(NpmTestRegistry.Public, default));

        var offline = adapter.Open(scene.Context(offline: true));
        var cached = Assert.IsType<RegistryAnswer.Found>(await offline.VersionsAsync(NpmTestRegistry.Public, default));
        var missing = Assert.IsType<RegistryAnswer.Failed>(await offline.VersionsAsync("jaga-never-asked", default));

        Assert.Equal(online.Versions, cached.Versions);
        Assert.Single(scene.Received(new Uri(Url + NpmTestRegistry.Public)));
        Assert.Equal(RegistryFailure.Unreachable, missing.Failure);
        Assert.Contains("offline", missing.Message, StringComparison.Ordinal);
    }

    public void Dispose() => scene.Dispose();

    private IPackageRegistry Open() => adapter.Open(scene.Context());
}
