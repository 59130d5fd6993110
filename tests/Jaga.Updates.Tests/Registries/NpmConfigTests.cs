using Jaga.Core.Errors;
using Jaga.Engine.Updates.Registries.Npm;

namespace Jaga.Updates.Tests.Registries;

/// <summary>npm's configuration read from .npmrc files in temp folders, as npm reads them; no registry is asked.</summary>
public sealed class NpmConfigTests : IDisposable
{
    private readonly RegistryScene scene = new();

    [Fact]
    public void With_no_configuration_the_registry_is_npms_default()
    {
        var config = NpmConfig.Load(scene.Context());

        Assert.Equal(NpmConfig.DefaultRegistry, config.Registry.AbsoluteUri);
        Assert.Empty(config.Scopes);
    }

    [Fact]
    public void The_project_npmrc_overrides_the_users_which_overrides_the_global_one()
    {
        scene.Write("global-npmrc", "registry=https://global.example/\n@g:registry=https://g.example/\n");
        scene.Environment["NPM_CONFIG_GLOBALCONFIG"] = Path.Combine(scene.Project, "..", "global-npmrc");
        scene.Write("home/.npmrc", "registry=https://user.example/\n@u:registry=https://u.example/npm\n");
        scene.Write("project/.npmrc", "registry=https://project.example/npm/\n");

        var config = NpmConfig.Load(scene.Context());

        Assert.Equal("https://project.example/npm/", config.Registry.AbsoluteUri);
        Assert.Equal("https://u.example/npm/", config.RegistryFor("@u/pkg").AbsoluteUri);
        Assert.Equal("https://g.example/", config.RegistryFor("@g/pkg").AbsoluteUri);
        Assert.Equal("https://project.example/npm/", config.RegistryFor("@other/pkg").AbsoluteUri);
    }

    [Fact]
    public void NPM_CONFIG_USERCONFIG_replaces_the_home_npmrc()
    {
        scene.Write("home/.npmrc", "registry=https://home.example/\n");
        scene.Environment["NPM_CONFIG_USERCONFIG"] = scene.Write("elsewhere/npmrc", "registry=https://elsewhere.example/\n");

        Assert.Equal("https://elsewhere.example/", NpmConfig.Load(scene.Context()).Registry.AbsoluteUri);
    }

    [Fact]
    public void A_workspace_members_registry_is_the_workspace_roots()
    {
        scene.Write("project/package.json", """{ "workspaces": ["packages/*"] }""");
        scene.Write("project/.npmrc", "registry=https://root.example/\n");
        scene.Write("project/packages/a/package.json", "{}");
        scene.Write("project/packages/a/.npmrc", "registry=https://member.example/\n");

        var config = NpmConfig.Load(scene.Context() with { Folder = Path.Combine(scene.Project, "packages", "a") });

        Assert.Equal("https://root.example/", config.Registry.AbsoluteUri);
    }

    [Fact]
    public void A_token_is_sent_to_its_own_registry_path_and_never_to_another_host()
    {
        scene.Write("project/.npmrc", "registry=https://npm.example/team/\n//npm.example/team/:_authToken=team-token\n//other.example/:_authToken=other-token\n");
        var config = NpmConfig.Load(scene.Context());

        var team = NpmCredentials.For(new Uri("https://npm.example/team/left-pad"), config);
        var stranger = NpmCredentials.For(new Uri("https://third.example/left-pad"), config);
        var otherPath = NpmCredentials.For(new Uri("https://npm.example/elsewhere/left-pad"), config);

        Assert.Equal("Bearer team-token", team?.Header?.ToString());
        Assert.Null(stranger);
        Assert.Null(otherPath);
    }

    [Fact]
    public void A_username_and_base64_password_are_sent_as_basic_credentials()
    {
        var password = Convert.ToBase64String("p@ss word"u8.ToArray());
        scene.Write("project/.npmrc", $"//npm.example:8443/:username=ci\n//npm.example:8443/:_password=\"{password}\"\n");
        var config = NpmConfig.Load(scene.Context());

        var credentials = NpmCredentials.For(new Uri("https://npm.example:8443/left-pad"), config);

        Assert.Equal("Basic " + Convert.ToBase64String("ci:p@ss word"u8.ToArray()), credentials?.Header?.ToString());
    }

    [Fact]
    public void A_registry_that_is_not_an_http_url_is_a_user_error_naming_the_file_and_key()
    {
        var npmrc = scene.Write("project/.npmrc", "@acme:registry=ftp://user:hunter22@npm.example/\n");

        var error = Assert.Throws<UserException>(() => NpmConfig.Load(scene.Context()));

        Assert.Contains($"{npmrc}: @acme:registry", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => scene.Dispose();
}
