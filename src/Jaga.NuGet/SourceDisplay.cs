namespace Jaga.NuGet;

/// <summary>A package source as the report names it: a URL without the user, password or query it may carry
/// (<c>https://user:token@host/v3/index.json?sig=…</c> → <c>https://host/v3/index.json</c>), a folder as it is.</summary>
internal static class SourceDisplay
{
    public static string Of(string source)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            return source;
        }
        var clean = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty };
        return clean.Uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }
}
