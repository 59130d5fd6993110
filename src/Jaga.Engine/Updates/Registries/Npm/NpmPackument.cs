using System.Buffers;
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
            // One pass over time: looking each version up in it would be quadratic (typescript has thousands).
            var published = Times(times);
            return [.. versions.EnumerateObject().Select(v => new PublishedVersion(v.Name, Deprecated(v.Value), published.GetValueOrDefault(v.Name)))];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The packument cut to what <see cref="Versions"/> reads — each version with its deprecation, and its
    /// publish time — which reads back to the same versions; null when the document is not a packument (it is kept as
    /// received, and read as a bad answer again). A full packument runs to megabytes (typescript's to 10 MB), mostly
    /// every version's manifest and readme: kept whole, a warm audit would parse them all again.</summary>
    public static byte[]? Condensed(byte[] json)
    {
        if (Versions(json) is not { } versions) return null;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("versions");
            foreach (var v in versions)
            {
                writer.WriteStartObject(v.Version);
                if (v.Withdrawn) writer.WriteBoolean("deprecated", true);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteStartObject("time");
            foreach (var v in versions)
            {
                if (v.Published is { } when) writer.WriteString(v.Version, when.ToString("O", CultureInfo.InvariantCulture));
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>npm deprecates with a message and undeprecates with an empty one.</summary>
    private static bool Deprecated(JsonElement version) =>
        version.ValueKind == JsonValueKind.Object && version.TryGetProperty("deprecated", out var d) && d.ValueKind switch
        {
            JsonValueKind.String => d.GetString()!.Length > 0,
            JsonValueKind.True => true,
            _ => false,
        };

    private static Dictionary<string, DateTimeOffset?> Times(JsonElement times)
    {
        var published = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        if (times.ValueKind != JsonValueKind.Object) return published;
        foreach (var t in times.EnumerateObject())
        {
            if (t.Value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(t.Value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                published[t.Name] = when;
        }
        return published;
    }
}
