using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jaga.Core.Updates.Registries;

namespace Jaga.Engine.Updates.Registries.PyPI;

/// <summary>A project's page of a simple repository: PEP 691's JSON, or PEP 503's HTML of one anchor per file. A version
/// is withdrawn when every one of its files is yanked (PEP 592: <c>data-yanked</c>, <c>"yanked"</c>).</summary>
internal static partial class SimpleIndexPage
{
    public const string JsonType = "application/vnd.pypi.simple.v1+json";

    /// <summary>The versions of <paramref name="project"/> (normalized) the page lists, or null when it is neither form.</summary>
    public static IReadOnlyList<PublishedVersion>? Versions(byte[] content, string? mediaType, string project)
    {
        var files = mediaType is JsonType or "application/json" ? JsonFiles(content) : HtmlFiles(Encoding.UTF8.GetString(content));
        return files?
            .Select(f => (f.Yanked, f.Uploaded, Version: DistributionFile.VersionOf(f.Name, project)))
            .Where(f => f.Version is not null)
            .GroupBy(f => f.Version!, StringComparer.Ordinal)
            .Select(g => new PublishedVersion(g.Key, g.All(f => f.Yanked), g.Min(f => f.Uploaded)))
            .ToList();
    }

    private static List<(string Name, bool Yanked, DateTimeOffset? Uploaded)>? JsonFiles(byte[] content)
    {
        try
        {
            using var doc = JsonDocument.Parse(content);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
                return null;
            return [.. files.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object && f.TryGetProperty("filename", out var n) && n.ValueKind == JsonValueKind.String)
                .Select(f => (f.GetProperty("filename").GetString()!, Yanked(f), Uploaded(f)))];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>"yanked"</c> is false, true, or the reason (PEP 691).</summary>
    private static bool Yanked(JsonElement file) =>
        file.TryGetProperty("yanked", out var y) && (y.ValueKind == JsonValueKind.True || y.ValueKind == JsonValueKind.String);

    /// <summary>PEP 700's <c>upload-time</c>, when the index gives it.</summary>
    private static DateTimeOffset? Uploaded(JsonElement file) =>
        file.TryGetProperty("upload-time", out var t) && t.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when
            : null;

    /// <summary>The anchors of a PEP 503 page. The file's name is the last segment of its <c>href</c> (as pip takes it),
    /// without the <c>#sha256=…</c> fragment; a page with no anchor is an empty project, but a page that is not HTML at
    /// all is no page.</summary>
    private static List<(string Name, bool Yanked, DateTimeOffset? Uploaded)>? HtmlFiles(string html)
    {
        if (!html.Contains('<', StringComparison.Ordinal)) return null;
        var files = new List<(string, bool, DateTimeOffset?)>();
        foreach (Match anchor in Anchor().Matches(html))
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match a in Attribute().Matches(anchor.Groups["attrs"].Value))
                attributes.TryAdd(a.Groups["name"].Value.ToLowerInvariant(), WebUtility.HtmlDecode(a.Groups["value"].Value));
            if (!attributes.TryGetValue("href", out var href)) continue;
            var path = href.Split('#', '?')[0];
            var name = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
            files.Add((name, attributes.ContainsKey("data-yanked"), null));
        }
        return files;
    }

    [GeneratedRegex(@"<a\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Anchor();

    /// <summary>An attribute with a double-quoted, single-quoted or bare value, or none (<c>data-yanked</c> alone).</summary>
    [GeneratedRegex(@"(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""'=<>`]+)))?")]
    private static partial Regex Attribute();
}
