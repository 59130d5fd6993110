namespace Jaga.Engine.Updates.Registries;

/// <summary>Registry URLs as reports, messages and cache keys use them: without credentials.</summary>
internal static class RegistryUrl
{
    /// <summary><paramref name="url"/> without the user and password it may be written with.</summary>
    public static Uri Bare(Uri url) => string.IsNullOrEmpty(url.UserInfo) ? url : new UriBuilder(url) { UserName = "", Password = "" }.Uri;

    /// <summary>The text of <see cref="Bare"/>.</summary>
    public static string Shown(Uri url) => Bare(url).AbsoluteUri;
}
