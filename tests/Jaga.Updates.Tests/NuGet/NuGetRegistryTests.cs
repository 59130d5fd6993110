using Jaga.Core.Errors;
using Jaga.Core.Updates.Registries;
using Jaga.Testing;

namespace Jaga.Updates.Tests.NuGet;

/// <summary>The NuGet registry adapter on local folder feeds made by <c>dotnet pack</c>, configured by NuGet.Config
/// files the tests write: the hierarchy, the user's config from HOME, disabled sources, package source mapping.</summary>
[Collection(NuGetFeedCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NuGetRegistryTests(PackedFeed packed) : IDisposable
{
    private readonly NuGetScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public async Task Folder_feed_built_by_dotnet_pack_lists_every_version()
    {
        var feed = packed.FolderFeed(PackedFeed.Versions);
        scratch.Config($"""<packageSources><clear /><add key="local" value="{feed}" /></packageSources>""");

        var registry = scratch.Open();
        var answer = await registry.VersionsAsync(PackedFeed.Id, CancellationToken.None);

        Assert.Equal([feed], registry.Sources);
        var found = Assert.IsType<RegistryAnswer.Found>(answer);
        Assert.Equal(PackedFeed.Versions.Order(), found.Versions.Select(v => v.Version).Order());
        Assert.All(found.Versions, v => Assert.False(v.Withdrawn));
    }

    [Fact]
    public async Task Package_on_no_source_is_not_found()
    {
        var feed = packed.FolderFeed("1.0.0");
        scratch.Config($"""<packageSources><clear /><add key="local" value="{feed}" /></packageSources>""");

        var answer = await scratch.Open().VersionsAsync("Jaga.NotPublished", CancellationToken.None);

        Assert.Equal(feed, Assert.IsType<RegistryAnswer.NotFound>(answer).Source);
    }

    [Fact]
    public async Task Versions_on_several_sources_are_united()
    {
        var older = packed.FolderFeed("1.0.0", "1.0.1");
        var newer = packed.FolderFeed("1.0.1", "1.1.0", "2.0.0-beta.1");
        scratch.Config($"""<packageSources><clear /><add key="older" value="{older}" /><add key="newer" value="{newer}" /></packageSources>""");

        var answer = await scratch.Open().VersionsAsync(PackedFeed.Id, CancellationToken.None);

        var found = Assert.IsType<RegistryAnswer.Found>(answer);
        Assert.Equal(PackedFeed.Versions.Order(), found.Versions.Select(v => v.Version).Order());
        Assert.Contains(older, found.Source);
        Assert.Contains(newer, found.Source);
    }

    [Fact]
    public async Task Package_source_mapping_sends_a_package_only_to_its_mapped_source()
    {
        var mapped = packed.FolderFeed("1.0.0", "1.1.0");
        var other = packed.FolderFeed("9.0.0");
        // A source that fails whenever it is asked: the answer is Found only if mapping kept the package away from it.
        var closed = $"http://127.0.0.1:{Loopback.FreePort()}/v3/index.json";
        scratch.Config($"""
            <packageSources><clear />
              <add key="mapped" value="{mapped}" /><add key="other" value="{other}" /><add key="closed" value="{closed}" />
            </packageSources>
            <packageSourceMapping>
              <packageSource key="mapped"><package pattern="Jaga.*" /></packageSource>
              <packageSource key="other"><package pattern="Other.*" /></packageSource>
              <packageSource key="closed"><package pattern="Closed.*" /></packageSource>
            </packageSourceMapping>
            """);

        var registry = scratch.Open();
        var tiny = await registry.VersionsAsync(PackedFeed.Id, CancellationToken.None);
        var unmapped = await registry.VersionsAsync("Unmapped.Package", CancellationToken.None);
        var closedAnswer = await registry.VersionsAsync("Closed.Package", CancellationToken.None);

        var found = Assert.IsType<RegistryAnswer.Found>(tiny);
        Assert.Equal(["1.0.0", "1.1.0"], found.Versions.Select(v => v.Version).Order());
        Assert.Equal(mapped, found.Source);
        Assert.Contains("Unmapped.Package", Assert.IsType<RegistryAnswer.NotFound>(unmapped).Source);
        Assert.Equal(RegistryFailure.Unreachable, Assert.IsType<RegistryAnswer.Failed>(closedAnswer).Failure);
    }

    [Fact]
    public async Task Disabled_source_is_not_asked()
    {
        var feed = packed.FolderFeed("1.0.0");
        var closed = $"http://127.0.0.1:{Loopback.FreePort()}/v3/index.json";
        scratch.Config($"""
            <packageSources><clear /><add key="local" value="{feed}" /><add key="closed" value="{closed}" /></packageSources>
            <disabledPackageSources><add key="closed" value="true" /></disabledPackageSources>
            """);

        var registry = scratch.Open();
        var answer = await registry.VersionsAsync(PackedFeed.Id, CancellationToken.None);

        Assert.Equal([feed], registry.Sources);
        Assert.IsType<RegistryAnswer.Found>(answer);
    }

    [Fact]
    public async Task A_failed_source_fails_the_answer_even_when_another_has_versions()
    {
        var feed = packed.FolderFeed("1.0.0");
        var missing = Path.Combine(scratch.Root, "no-such-feed");
        scratch.Config($"""<packageSources><clear /><add key="local" value="{feed}" /><add key="gone" value="{missing}" /></packageSources>""");

        var answer = await scratch.Open().VersionsAsync(PackedFeed.Id, CancellationToken.None);

        var failed = Assert.IsType<RegistryAnswer.Failed>(answer);
        Assert.Equal(RegistryFailure.Unreachable, failed.Failure);
        Assert.Equal(missing, failed.Source);
        Assert.Contains("does not exist", failed.Message);
    }

    [Fact]
    public async Task Configs_up_the_tree_and_the_users_config_from_HOME_are_read_closest_first()
    {
        var user = packed.FolderFeed("1.0.0");
        var repo = packed.FolderFeed("1.0.1");
        var project = packed.FolderFeed("1.1.0");
        scratch.Config($"""<packageSources><add key="user" value="{user}" /></packageSources>""", Path.Combine(scratch.Home, ".nuget", "NuGet"));
        scratch.Config($"""<packageSources><add key="repo" value="{repo}" /></packageSources>""", Path.Combine(scratch.Root, "repo"));
        scratch.Config($"""<packageSources><add key="project" value="{project}" /></packageSources>""");

        var registry = scratch.Open();
        var answer = await registry.VersionsAsync(PackedFeed.Id, CancellationToken.None);

        Assert.Equal(["1.0.0", "1.0.1", "1.1.0"], Assert.IsType<RegistryAnswer.Found>(answer).Versions.Select(v => v.Version).Order());
        Assert.Contains(user, registry.Sources);
        Assert.DoesNotContain(registry.Sources, s => s.Contains("nuget.org", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_user_config_NuGets_default_source_is_used_and_nothing_is_written_to_HOME()
    {
        var registry = scratch.Open();

        Assert.Equal(["https://api.nuget.org/v3/index.json"], registry.Sources);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Home));
    }

    [Fact]
    public void Clear_in_the_project_config_removes_the_users_sources()
    {
        var user = packed.FolderFeed("1.0.0");
        var project = packed.FolderFeed("1.1.0");
        scratch.Config($"""<packageSources><add key="user" value="{user}" /></packageSources>""", Path.Combine(scratch.Home, ".nuget", "NuGet"));
        scratch.Config($"""<packageSources><clear /><add key="project" value="{project}" /></packageSources>""");

        Assert.Equal([project], scratch.Open().Sources);
    }

    [Fact]
    public void NuGet_config_that_is_not_xml_is_a_user_error_naming_the_file()
    {
        var path = Path.Combine(scratch.Project, "NuGet.Config");
        File.WriteAllText(path, "<configuration><packageSources>");

        var e = Assert.ThrowsAny<UserException>(() => scratch.Open());

        Assert.Contains(path, e.Message + e.Hint);
    }

    [Fact]
    public async Task A_relative_folder_source_is_resolved_against_its_config_file()
    {
        var feed = packed.FolderFeed("1.0.0");
        var local = Path.Combine(scratch.Root, "repo", "packages");
        Directory.Move(feed, local);
        scratch.Config("""<packageSources><clear /><add key="local" value="packages" /></packageSources>""", Path.Combine(scratch.Root, "repo"));

        var registry = scratch.Open();
        var answer = await registry.VersionsAsync(PackedFeed.Id, CancellationToken.None);

        Assert.Equal([local], registry.Sources);
        Assert.IsType<RegistryAnswer.Found>(answer);
    }

    [Fact]
    public void An_encrypted_password_off_Windows_is_a_user_error_pointing_to_ClearTextPassword()
    {
        scratch.Config("""
            <packageSources><clear /><add key="private" value="https://nuget.example.com/v3/index.json" /></packageSources>
            <packageSourceCredentials><private>
              <add key="Username" value="jaga" /><add key="Password" value="AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA" />
            </private></packageSourceCredentials>
            """);

        var e = Assert.ThrowsAny<UserException>(() => scratch.Open());

        Assert.Contains("'private'", e.Message);
        Assert.Contains("ClearTextPassword", e.Hint);
    }
}
