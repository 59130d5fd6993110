using Jaga.Core.Errors;
using Jaga.Engine.Updates.Registries.PyPI;

namespace Jaga.Updates.Tests.Registries;

/// <summary>pip's configuration read from files in temp folders and the environment, as pip reads them.</summary>
public sealed class PipConfigTests : IDisposable
{
    private readonly RegistryScene scene = new();

    private IReadOnlyList<string> Indexes() => [.. PipConfig.Load(scene.Context()).Select(i => i.Url.AbsoluteUri)];

    [Fact]
    public void With_no_configuration_the_index_is_pips_default()
    {
        scene.Environment["PIP_CONFIG_FILE"] = "/dev/null";

        Assert.Equal([PipConfig.DefaultIndex], Indexes());
    }

    [Fact]
    public void The_users_new_file_overrides_the_legacy_one_and_the_xdg_global_one()
    {
        scene.Environment["XDG_CONFIG_DIRS"] = Path.Combine(scene.Home, "..", "xdg");
        scene.Write("xdg/pip/pip.conf", "[global]\nindex-url = https://global.example/simple\n");
        scene.Write("home/.pip/pip.conf", "[global]\nindex-url = https://legacy.example/simple/\n");
        scene.Write("home/.config/pip/pip.conf", "[global]\nindex_url = https://new.example/simple/\nextra-index-url =\n    https://extra1.example/simple/\n    https://extra2.example/simple/\n");

        Assert.Equal(["https://new.example/simple/", "https://extra1.example/simple/", "https://extra2.example/simple/"], Indexes());
    }

    [Fact]
    public void An_install_section_overrides_the_global_section_and_the_environment_overrides_both()
    {
        scene.Environment["PIP_CONFIG_FILE"] = scene.Write("pip.conf", "[install]\nindex-url = https://install.example/simple/\n[global]\nindex-url = https://global.example/simple/\n");
        Assert.Equal(["https://install.example/simple/"], Indexes());

        scene.Environment["PIP_INDEX_URL"] = "https://env.example/simple";
        scene.Environment["PIP_EXTRA_INDEX_URL"] = "https://x1.example/simple/ https://x2.example/simple/";
        Assert.Equal(["https://env.example/simple/", "https://x1.example/simple/", "https://x2.example/simple/"], Indexes());
    }

    [Fact]
    public void A_PIP_CONFIG_FILE_that_exists_leaves_the_users_files_out()
    {
        scene.Write("home/.config/pip/pip.conf", "[global]\nextra-index-url = https://user.example/simple/\n");
        scene.Environment["PIP_CONFIG_FILE"] = scene.Write("pip.conf", "[global]\nindex-url = https://file.example/simple/\n");

        Assert.Equal(["https://file.example/simple/"], Indexes());
    }

    [Fact]
    public void Credentials_in_the_index_url_become_basic_authentication_and_leave_the_url()
    {
        scene.Environment["PIP_INDEX_URL"] = "https://ci%40corp:p%3Ass@pypi.example/simple/";

        var index = Assert.Single(PipConfig.Load(scene.Context()));

        Assert.Equal("https://pypi.example/simple/", index.Url.AbsoluteUri);
        Assert.Equal("Basic " + Convert.ToBase64String("ci@corp:p:ss"u8.ToArray()), index.Auth?.ToString());
        Assert.Equal("PIP_INDEX_URL", index.Origin);
    }

    [Fact]
    public void A_line_configparser_refuses_is_a_user_error_naming_the_file_and_line()
    {
        var conf = scene.Write("pip.conf", "[global]\nindex-url = https://ok.example/simple/\njust some words\n");
        scene.Environment["PIP_CONFIG_FILE"] = conf;

        var error = Assert.Throws<UserException>(() => PipConfig.Load(scene.Context()));

        Assert.StartsWith($"{conf}:3:", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void An_index_that_is_not_an_http_url_is_a_user_error_naming_where_it_was_set()
    {
        scene.Environment["PIP_CONFIG_FILE"] = "/dev/null";
        scene.Environment["PIP_INDEX_URL"] = "pypi.example/simple";

        var error = Assert.Throws<UserException>(() => PipConfig.Load(scene.Context()));

        Assert.StartsWith("PIP_INDEX_URL:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_index_with_a_credential_before_an_at_sign_is_refused_without_showing_the_credential()
    {
        scene.Environment["PIP_CONFIG_FILE"] = "/dev/null";
        scene.Environment["PIP_INDEX_URL"] = "htps//s3cr3t-t0ken@pypi.example/simple";

        var error = Assert.Throws<UserException>(() => PipConfig.Load(scene.Context()));

        Assert.DoesNotContain("s3cr3t-t0ken", error.Message, StringComparison.Ordinal);
        Assert.Contains("***@pypi.example/simple", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => scene.Dispose();
}
