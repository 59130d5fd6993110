using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;

namespace Jaga.Engine.Updates.Advisories;

/// <summary>Where advisory dumps come from: OSV's official per-ecosystem URLs, and how a source is shown and stored.</summary>
public static class AdvisorySources
{
    /// <summary>OSV's public bucket of per-ecosystem dumps.</summary>
    public const string OsvBucket = "https://osv-vulnerabilities.storage.googleapis.com";

    /// <summary>The dumps <c>jaga deps db update</c> downloads when no <c>--from</c> is given.</summary>
    public static IReadOnlyList<string> Official { get; } =
        [.. new[] { Ecosystem.NuGet, Ecosystem.Npm, Ecosystem.PyPI }.Select(e => $"{OsvBucket}/{OsvJson.NameOf(e)}/all.zip")];

    public static bool IsUrl(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>A source as it is shown, logged and stored: a URL without its user, password and query (a signed URL's
    /// token lives there), a file by its full path.</summary>
    public static string Display(string source)
    {
        if (!IsUrl(source)) return Path.GetFullPath(source);
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri)) return source;
        return new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.ToString();
    }
}
