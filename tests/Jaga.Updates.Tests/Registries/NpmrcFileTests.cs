using Jaga.Engine.Updates.Registries.Npm;

namespace Jaga.Updates.Tests.Registries;

/// <summary>The .npmrc format as npm's <c>ini</c> package and its <c>${VAR}</c> replacement read it.</summary>
public sealed class NpmrcFileTests
{
    private static readonly Dictionary<string, string> Env = new(StringComparer.Ordinal) { ["NPM_TOKEN"] = "t0ken", ["HOST"] = "npm.example" };

    private static Dictionary<string, NpmSetting> Parse(string text) => NpmrcFile.Parse(text, "/p/.npmrc", n => Env.GetValueOrDefault(n));

    [Fact]
    public void Variables_are_replaced_in_keys_and_values()
    {
        var settings = Parse("//${HOST}/:_authToken=${NPM_TOKEN}\n");

        Assert.Equal("t0ken", settings["//npm.example/:_authToken"].Value);
        Assert.Empty(settings["//npm.example/:_authToken"].Unset);
        Assert.Equal("/p/.npmrc: //npm.example/:_authToken", settings["//npm.example/:_authToken"].Origin);
    }

    [Fact]
    public void An_unset_variable_stays_as_written_and_is_noted_but_an_optional_one_becomes_empty()
    {
        var settings = Parse("a=${MISSING}\nb=x${MISSING?}y\nc=\\${NPM_TOKEN}\n");

        Assert.Equal("${MISSING}", settings["a"].Value);
        Assert.Equal(["MISSING"], settings["a"].Unset);
        Assert.Equal("xy", settings["b"].Value);
        Assert.Empty(settings["b"].Unset);
        Assert.Equal("${NPM_TOKEN}", settings["c"].Value);
    }

    [Fact]
    public void Comments_quotes_sections_and_the_last_of_two_settings()
    {
        var settings = Parse("; a comment\n# another\nregistry = https://one.example/ ; trailing\nregistry=https://two.example/\nquoted=\"a;b\"\n[section]\nregistry=https://inside.example/\n");

        Assert.Equal("https://two.example/", settings["registry"].Value);
        Assert.Equal("a;b", settings["quoted"].Value);
        Assert.Equal(2, settings.Count);
    }
}
