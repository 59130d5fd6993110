using System.Net.Http.Headers;
using System.Text;

namespace Jaga.Engine.Updates.Registries.Npm;

/// <summary>The credentials npm sends with a request, found as npm-registry-fetch finds them: the settings keyed by the
/// "nerf dart" of the URL (<c>//host[:port]/path/</c>), trying the request's path and then each folder above it on the
/// same host, so a token never goes to another host.</summary>
/// <param name="Header">The Authorization header: <c>Bearer</c> for <c>_authToken</c>, <c>Basic</c> for <c>_auth</c> or
/// <c>username</c> + <c>_password</c> (base64, as npm stores it).</param>
/// <param name="Origin">Where they were set, for messages (a file and a key, never the value).</param>
/// <param name="Unset">Variables they name that the environment does not set: such credentials are not sent.</param>
internal sealed record NpmCredentials(AuthenticationHeaderValue? Header, string Origin, IReadOnlyList<string> Unset)
{
    /// <summary>The credentials for <paramref name="url"/>, or null when the configuration has none for it.</summary>
    public static NpmCredentials? For(Uri url, NpmConfig config)
    {
        for (var key = $"//{url.Authority}{url.AbsolutePath}"; key.Length > 2; key = Up(key))
        {
            if (Found(config, key) is { } found) return found;
        }
        // npm before 9 also took unscoped credentials for the default registry.
        return url.Authority == config.Registry.Authority && url.AbsolutePath.StartsWith(config.Registry.AbsolutePath, StringComparison.Ordinal)
            ? Found(config, "")
            : null;
    }

    /// <summary>The key one folder up: <c>//h/a/b</c> → <c>//h/a/</c> → <c>//h/a</c> → <c>//h/</c>.</summary>
    private static string Up(string key) => key.EndsWith('/') ? key[..^1] : key[..(key.LastIndexOf('/') + 1)];

    private static NpmCredentials? Found(NpmConfig config, string prefix)
    {
        var p = prefix.Length == 0 ? "" : prefix + ":";
        if (config.Get(p + "_authToken") is { Value.Length: > 0 } token)
            return Make(Bearer(token), token);
        if (config.Get(p + "username") is { Value.Length: > 0 } user && config.Get(p + "_password") is { Value.Length: > 0 } password)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.Value}:{Decoded(password.Value)}"));
            IReadOnlyList<string> unset = [.. user.Unset, .. password.Unset];
            return new NpmCredentials(unset.Count == 0 ? new AuthenticationHeaderValue("Basic", basic) : null, $"{user.Origin}, {password.Origin}", unset);
        }
        if (config.Get(p + "_auth") is { Value.Length: > 0 } auth)
            return Make(new AuthenticationHeaderValue("Basic", auth.Value), auth);
        return null;
    }

    /// <summary>npm keeps <c>_password</c> base64-encoded; Node decodes leniently, so text that is not base64 is taken as is.</summary>
    private static string Decoded(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return base64;
        }
    }

    private static AuthenticationHeaderValue Bearer(NpmSetting token) => new("Bearer", token.Value);

    private static NpmCredentials Make(AuthenticationHeaderValue header, NpmSetting setting) =>
        new(setting.Unset.Count == 0 ? header : null, setting.Origin, setting.Unset);
}
