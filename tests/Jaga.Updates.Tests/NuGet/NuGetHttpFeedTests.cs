using Jaga.Core.Updates.Registries;
using Jaga.Testing;

namespace Jaga.Updates.Tests.NuGet;

/// <summary>The NuGet registry adapter against a V3 feed that requires credentials, served by Kestrel on loopback:
/// credentials from NuGet.Config (with NuGet's <c>%VARIABLE%</c> syntax), refused and unreachable sources, and the cache
/// with its validators and offline mode.</summary>
[Collection(NuGetFeedCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NuGetHttpFeedTests(PackedFeed packed) : IAsyncLifetime, IDisposable
{
    private const string User = "jaga";
    private const string Password = "s3cret-feed-token";

    private readonly NuGetScratch scratch = new();
    private V3FeedServer server = null!;

    async Task IAsyncLifetime.InitializeAsync() =>
        server = await V3FeedServer.StartAsync(PackedFeed.Id, [.. PackedFeed.Versions.Select(packed.Nupkg)], User, Password);

    async Task IAsyncLifetime.DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => scratch.Dispose();

    private void Configure(string source, string? user, string? password) => scratch.Config($"""
        <packageSources><clear /><add key="private" value="{source}" /></packageSources>
        {(user is null ? "" : $"""
            <packageSourceCredentials><private>
              <add key="Username" value="{user}" /><add key="ClearTextPassword" value="{password}" />
            </private></packageSourceCredentials>
            """)}
        """);

    [Fact]
    public async Task Right_credentials_from_an_environment_variable_find_the_versions()
    {
        scratch.Environment["JAGA_TEST_FEED_TOKEN"] = Password;
        Configure(server.IndexUrl, User, "%JAGA_TEST_FEED_TOKEN%");

        var answer = await scratch.Open().VersionsAsync(PackedFeed.Id, CancellationToken.None);

        var found = Assert.IsType<RegistryAnswer.Found>(answer);
        Assert.Equal(PackedFeed.Versions.Order(), found.Versions.Select(v => v.Version).Order());
        Assert.Equal(server.IndexUrl, found.Source);
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData(null)]
    public async Task Wrong_or_missing_credentials_are_unauthorized_naming_the_source(string? password)
    {
        Configure(server.IndexUrl, password is null ? null : User, password);

        var answer = await scratch.Open().VersionsAsync(PackedFeed.Id, CancellationToken.None);

        var failed = Assert.IsType<RegistryAnswer.Failed>(answer);
        Assert.Equal(RegistryFailure.Unauthorized, failed.Failure);
        Assert.Equal(server.IndexUrl, failed.Source);
        Assert.Contains(server.IndexUrl, failed.Message);
        Assert.DoesNotContain("wrong-token", failed.Message);
    }

    [Fact]
    public async Task A_closed_port_is_unreachable()
    {
        var closed = $"http://127.0.0.1:{Loopback.FreePort()}/v3/index.json";
        Configure(closed, User, Password);

        var answer = await scratch.Open().VersionsAsync(PackedFeed.Id, CancellationToken.None);

        var failed = Assert.IsType<RegistryAnswer.Failed>(answer);
        Assert.Equal(RegistryFailure.Unreachable, failed.Failure);
        Assert.Equal(closed, failed.Source);
    }

    [Fact]
    public async Task Credentials_and_query_in_a_source_url_never_reach_the_report()
    {
        var withSecrets = server.IndexUrl.Replace("http://", $"http://{User}:{Password}@", StringComparison.Ordinal) + "?token=querysecret";
        Configure(withSecrets, null, null);

        var registry = scratch.Open();
        var answer = await registry.VersionsAsync(PackedFeed.Id, CancellationToken.None);

        Assert.Equal([server.IndexUrl], registry.Sources);
        Assert.DoesNotContain(Password, answer.Source + (answer as RegistryAnswer.Failed)?.Message);
        Assert.DoesNotContain("querysecret", answer.Source + (answer as RegistryAnswer.Failed)?.Message);
    }

    [Fact]
    public async Task A_fresh_answer_is_served_from_the_cache_without_asking()
    {
        Configure(server.IndexUrl, User, Password);
        await scratch.Open().VersionsAsync(PackedFeed.Id, CancellationToken.None);
        var asked = server.Requests;

        scratch.Clock.Advance(RegistryFreshness.DefaultWindow - TimeSpan.FromSeconds(1));
        var again = await scratch.Open().VersionsAsync(PackedFeed.Id, CancellationToken.None);

        Assert.Equal(asked, server.Requests);
        Assert.Equal(PackedFeed.Versions.Length, Assert.IsType<RegistryAnswer.Found>(again).Versions.Count);
    }

    [Fact]
    public async Task A_stale_answer_is_revalidated_and_a_304_serves_the_stored_versions()
    {
        Configure(server.IndexUrl, User, Password);
        await scratch.Open().VersionsAsync(PackedFeed.Id, CancellationToken.None);
        Assert.Empty(server.NotModified);

        scratch.Clock.Advance(RegistryFreshness.DefaultWindow);
        var again = await scratch.Open().VersionsAsync(PackedFeed.Id, CancellationToken.None);

        // The service index and the package's version list, each asked with its validators.
        Assert.Equal(["/v3/flat/jaga.tiny/index.json", "/v3/index.json"], server.NotModified.Order(StringComparer.Ordinal));
        Assert.Equal(PackedFeed.Versions.Order(), Assert.IsType<RegistryAnswer.Found>(again).Versions.Select(v => v.Version).Order());
    }

    [Fact]
    public async Task Offline_answers_come_from_the_cache_only()
    {
        Configure(server.IndexUrl, User, Password);
        await scratch.Open().VersionsAsync(PackedFeed.Id, CancellationToken.None);
        var asked = server.Requests;
        scratch.Clock.Advance(TimeSpan.FromDays(3));

        var offline = scratch.Open(offline: true);
        var cached = await offline.VersionsAsync(PackedFeed.Id, CancellationToken.None);
        var uncached = await offline.VersionsAsync("Jaga.NeverAsked", CancellationToken.None);

        Assert.Equal(asked, server.Requests);
        Assert.Equal(PackedFeed.Versions.Length, Assert.IsType<RegistryAnswer.Found>(cached).Versions.Count);
        var failed = Assert.IsType<RegistryAnswer.Failed>(uncached);
        Assert.Equal(RegistryFailure.Unreachable, failed.Failure);
        Assert.Contains("offline", failed.Message);
    }

    [Fact]
    public async Task Cache_files_are_not_named_after_the_source()
    {
        Configure(server.IndexUrl, User, Password);
        await scratch.Open().VersionsAsync(PackedFeed.Id, CancellationToken.None);

        var names = Directory.EnumerateFiles(scratch.Cache, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, n => n!.Contains("127.0.0.1", StringComparison.Ordinal) || n.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requests_run_concurrently_up_to_the_limit()
    {
        Configure(server.IndexUrl, User, Password);
        var registry = scratch.Open();
        await registry.VersionsAsync(PackedFeed.Id, CancellationToken.None);
        server.Latency = TimeSpan.FromMilliseconds(200);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => registry.VersionsAsync($"Jaga.Other{i}", CancellationToken.None)));

        Assert.All(answers, a => Assert.IsType<RegistryAnswer.NotFound>(a));
        Assert.Equal(NuGetScratch.Concurrency, server.MaxInFlight);
    }
}
