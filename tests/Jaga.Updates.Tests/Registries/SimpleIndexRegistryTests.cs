using Jaga.Core.Messages;
using Jaga.Core.Updates.Registries;
using Jaga.Engine.Updates.Registries.PyPI;
using Jaga.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Updates.Tests.Registries;

/// <summary>The PyPI registry adapter against a real PEP 503 simple index served by Python's own HTTP server, named by
/// pip's configuration.</summary>
[Trait("Category", "Integration")]
public sealed class SimpleIndexRegistryTests : IAsyncLifetime, IDisposable
{
    private readonly RegistryScene scene = new();
    private readonly PyPIRegistryAdapter adapter = new();
    private SimpleIndexServer server = null!;

    public async Task InitializeAsync()
    {
        server = await SimpleIndexServer.StartAsync();
        await server.AddProjectAsync(
            "Jaga_Sample.Lib",
            ("jaga_sample_lib-1.0.0.tar.gz", null),
            ("jaga_sample_lib-1.0.0-py3-none-any.whl", null),
            ("Jaga-Sample-Lib-1.1.0.zip", null),
            ("jaga_sample_lib-1.2.0-py3-none-any.whl", "broke the import of submodules"),
            ("jaga_sample_lib-1.2.0.tar.gz", "broke the import of submodules"),
            ("jaga_sample_lib-2.0.0rc1-py3-none-any.whl", null),
            ("jaga_sample_lib-2.0.0-cp312-cp312-manylinux_2_17_x86_64.whl", null),
            ("other_project-9.9.9.tar.gz", null));
    }

    [Fact]
    public async Task The_index_of_PIP_CONFIG_FILE_lists_the_versions_of_its_files_and_yanked_ones_are_withdrawn()
    {
        var conf = scene.Write("pip.conf", $"[global]\nindex-url = {server.IndexUrl}\n");
        scene.Environment["PIP_CONFIG_FILE"] = conf;

        var found = Assert.IsType<RegistryAnswer.Found>(await Open().VersionsAsync("jaga-sample-lib", default));

        Assert.Equal(["1.0.0", "1.1.0", "1.2.0", "2.0.0", "2.0.0rc1"], found.Versions.Select(v => v.Version).Order(StringComparer.Ordinal));
        Assert.Equal(["1.2.0"], found.Versions.Where(v => v.Withdrawn).Select(v => v.Version));
        Assert.Equal(server.IndexUrl, found.Source);
    }

    [Fact]
    public async Task PIP_INDEX_URL_overrides_the_users_pip_conf_and_its_credentials_are_kept_out_of_sources_and_cache()
    {
        scene.Write("home/.config/pip/pip.conf", "[global]\nindex-url = http://127.0.0.1:9/simple/\n");
        var withCredentials = server.IndexUrl.Replace("http://", "http://reader:s3cret-index-pw@", StringComparison.Ordinal);
        scene.Environment["PIP_INDEX_URL"] = withCredentials;

        var registry = Open();
        var found = Assert.IsType<RegistryAnswer.Found>(await registry.VersionsAsync("jaga_sample_lib", default));

        Assert.Equal([server.IndexUrl], registry.Sources);
        Assert.Equal(server.IndexUrl, found.Source);
        Assert.DoesNotContain("s3cret-index-pw", scene.CacheText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_ask_after_the_freshness_window_is_revalidated_with_Last_Modified_and_the_server_answers_304()
    {
        scene.Environment["PIP_INDEX_URL"] = server.IndexUrl;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));
        var first = Assert.IsType<RegistryAnswer.Found>(await adapter.Open(scene.Context(clock: clock)).VersionsAsync("Jaga.Sample.Lib", default));

        clock.Advance(RegistryFreshness.DefaultWindow);
        var second = Assert.IsType<RegistryAnswer.Found>(await adapter.Open(scene.Context(clock: clock)).VersionsAsync("Jaga.Sample.Lib", default));

        Assert.Equal([200, 304], server.Answers("/simple/jaga-sample-lib/"));
        Assert.Equal(first.Versions, second.Versions);
    }

    [Fact]
    public async Task Within_the_freshness_window_the_cache_answers_and_a_304_starts_the_window_again()
    {
        scene.Environment["PIP_INDEX_URL"] = server.IndexUrl;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));
        async Task<RegistryAnswer> Ask() => await adapter.Open(scene.Context(clock: clock)).VersionsAsync("jaga-sample-lib", default);
        await Ask();

        clock.Advance(TimeSpan.FromMinutes(9));
        await Ask();
        Assert.Equal([200], server.Answers("/simple/jaga-sample-lib/"));

        clock.Advance(TimeSpan.FromMinutes(2));
        await Ask();
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.IsType<RegistryAnswer.Found>(await Ask());

        Assert.Equal([200, 304], server.Answers("/simple/jaga-sample-lib/"));
    }

    [Fact]
    public async Task Offline_the_cache_answers_and_the_server_is_not_asked()
    {
        scene.Environment["PIP_INDEX_URL"] = server.IndexUrl;
        Assert.IsType<RegistryAnswer.Found>(await Open().VersionsAsync("jaga-sample-lib", default));

        var cached = await adapter.Open(scene.Context(offline: true)).VersionsAsync("jaga-sample-lib", default);

        Assert.IsType<RegistryAnswer.Found>(cached);
        Assert.Equal([200], server.Answers("/simple/jaga-sample-lib/"));
    }

    [Fact]
    public async Task A_project_the_index_does_not_have_is_not_found()
    {
        scene.Environment["PIP_INDEX_URL"] = server.IndexUrl;

        Assert.IsType<RegistryAnswer.NotFound>(await Open().VersionsAsync("no-such-project", default));
    }

    [Fact]
    public async Task An_extra_index_that_cannot_be_reached_fails_the_answer_rather_than_hiding_its_versions()
    {
        var closed = Loopback.FreePort();
        scene.Environment["PIP_INDEX_URL"] = server.IndexUrl;
        scene.Environment["PIP_EXTRA_INDEX_URL"] = $"http://127.0.0.1:{closed}/simple/";

        var failed = Assert.IsType<RegistryAnswer.Failed>(await Open().VersionsAsync("jaga-sample-lib", default));

        Assert.Equal(RegistryFailure.Unreachable, failed.Failure);
        Assert.Equal($"http://127.0.0.1:{closed}/simple/", failed.Source);
    }

    [Fact]
    public async Task No_more_requests_than_the_concurrency_are_in_flight_to_one_index()
    {
        scene.Environment["PIP_INDEX_URL"] = server.IndexUrl;
        var names = Enumerable.Range(1, 12).Select(i => $"jaga-many-{i}").ToList();
        foreach (var name in names) await server.AddProjectAsync(name, ($"{name.Replace('-', '_')}-1.0.0.tar.gz", null));
        var registry = adapter.Open(scene.Context(concurrency: 2));

        var answers = await Task.WhenAll(names.Select(n => registry.VersionsAsync(n, default)));

        Assert.All(answers, a => Assert.IsType<RegistryAnswer.Found>(a));
        Assert.InRange(scene.MostInFlight, 1, 2);
    }

    [Fact]
    public async Task A_failure_is_worded_in_the_contexts_language()
    {
        scene.Environment["PIP_INDEX_URL"] = $"http://127.0.0.1:{Loopback.FreePort()}/simple/";

        var answer = await adapter.Open(scene.Context() with { Words = Catalog.Indonesian }).VersionsAsync("jaga-sample-lib", default);

        var failed = Assert.IsType<RegistryAnswer.Failed>(answer);
        Assert.Contains("tidak dapat dihubungi: koneksi ditolak", failed.Message, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        server.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => scene.Dispose();

    private IPackageRegistry Open() => adapter.Open(scene.Context());
}
