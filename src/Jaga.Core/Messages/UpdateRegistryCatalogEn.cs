namespace Jaga.Core.Messages;

/// <summary>The texts of the npm and PyPI registries (<c>Jaga.Engine.Updates.Registries</c>): why a registry gave no
/// answer for a package, and what is wrong with a configuration file that names one.</summary>
internal static class UpdateRegistryCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["reason.registry.unreachable"] = "{0} could not be reached: {1}",
        ["reason.registry.connection.refused"] = "connection refused",
        ["reason.registry.connection.nohost"] = "the host name does not resolve",
        ["reason.registry.transient.status"] = "it answered HTTP {0}, {1} times",
        ["reason.registry.transient.timeout"] = "no answer within {0} s, {1} times",
        ["reason.registry.offline"] = "{0}: no cached answer for {1}, and the run is offline; run once online to fill the cache",
        ["reason.registry.bad"] = "{0} answered for {1} with something that is not a {2} document",
        ["reason.registry.status"] = "{0} answered HTTP {2} for {1}",
        ["reason.registry.refused"] = "{0} refused the credentials for {1} (HTTP {2}); they are set in {3}",
        ["reason.registry.unset"] = "{0} asks for credentials for {1} (HTTP {2}); those in {3} use {4}, which the environment does not set",
        ["reason.registry.npm.nocredentials"] = "{0} asks for credentials for {1} (HTTP {2}) and no .npmrc gives any; add {3}=… to the project's or the user's .npmrc",
        ["reason.registry.pip.nocredentials"] = "{0} asks for credentials for {1} (HTTP {2}) and its URL ({3}) has none; write it as https://USER:PASSWORD@host/…",
        ["reason.registry.config.unreadable"] = "{0} cannot be read: {1}",
        ["reason.registry.config.unreadable.hint"] = "make the file readable by the user running jaga, or remove it",
        ["reason.registry.config.url"] = "{0}: '{1}' is not an http:// or https:// URL",
        ["reason.registry.config.url.hint"] = "write the registry's full URL, e.g. https://registry.example.com/",
        ["reason.registry.pip.nosection"] = "a setting before any [section]",
        ["reason.registry.pip.nokey"] = "a line that is neither a [section], a key = value nor a comment",
        ["reason.registry.pip.syntax.hint"] = "pip.conf is an INI file: put settings under [global] (index-url = https://…)",
    };
}
