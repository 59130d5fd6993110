using System.Globalization;
using System.Text.Json;
using Jaga.Core.Updates.Registries;

namespace Jaga.Engine.Updates.Registries.Npm;

/// <summary>Reads a packument, abbreviated (<c>application/vnd.npm.install-v1+json</c>) or full: every key of
/// <c>versions</c>, withdrawn when it carries a <c>deprecated</c> message, with its publish time from <c>time</c> when the
/// document has it (only the full one does).</summary>
internal static class NpmPackument
{
    /// <summary>The versions, or null when the document is not a packument.</summary>
    public static IReadOnlyList<PublishedVersion>? Versions(byte[] json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var times = root.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
            if (!root.TryGetProperty("versions", out var versions))
                // An unpublished package keeps a packument with no versions and time.unpublished.
                return times.ValueKind == JsonValueKind.Object && times.TryGetProperty("unpublished", out _) ? [] : null;
            if (versions.ValueKind != JsonValueKind.Object) return null;
            return [.. versions.EnumerateObject().Select(v => new PublishedVersion(v.Name, Deprecated(v.Value), Published(times, v.Name)))];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>npm deprecates with a message and undeprecates with an empty one.</summary>
    private static bool Deprecated(JsonElement version) =>
        version.ValueKind == JsonValueKind.Object && version.TryGetProperty("deprecated", out var d) && d.ValueKind switch
        {
            JsonValueKind.String => d.GetString()!.Length > 0,
            JsonValueKind.True => true,
            _ => false,
        };

    private static DateTimeOffset? Published(JsonElement times, string version) =>
        times.ValueKind == JsonValueKind.Object && times.TryGetProperty(version, out var t) && t.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when
            : null;
}
