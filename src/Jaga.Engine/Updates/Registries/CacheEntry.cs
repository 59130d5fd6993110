using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jaga.Engine.Updates.Registries;

/// <summary>One cached registry document with the validators it came with, when it was stored (or last confirmed by a
/// 304) and the registry's limit on its freshness. Stored as one file: a JSON line of metadata, then the body (as
/// received, or the registry reader's condensed form of it), so the two can never be out of step.</summary>
internal sealed record CacheEntry(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("etag")] string? ETag,
    [property: JsonPropertyName("last_modified")] string? LastModified,
    [property: JsonPropertyName("media_type")] string? MediaType,
    [property: JsonPropertyName("stored")] DateTimeOffset Stored)
{
    /// <summary>The registry's own limit on the answer's freshness (<c>Cache-Control</c>), in seconds; null when it
    /// set none.</summary>
    [JsonPropertyName("max_age")]
    public long? MaxAgeSeconds { get; init; }

    [JsonIgnore]
    public TimeSpan? MaxAge => MaxAgeSeconds is { } s ? TimeSpan.FromSeconds(s) : null;

    [JsonIgnore]
    public byte[] Body { get; init; } = [];

    public byte[] ToBytes()
    {
        var head = JsonSerializer.SerializeToUtf8Bytes(this);
        var bytes = new byte[head.Length + 1 + Body.Length];
        head.CopyTo(bytes, 0);
        bytes[head.Length] = (byte)'\n';
        Body.CopyTo(bytes, head.Length + 1);
        return bytes;
    }

    /// <summary>The entry in <paramref name="bytes"/>, or null for a file that is not one (cut short, or another format):
    /// such a file is only a cache miss.</summary>
    public static CacheEntry? FromBytes(byte[] bytes)
    {
        var newline = Array.IndexOf(bytes, (byte)'\n');
        if (newline <= 0) return null;
        try
        {
            var entry = JsonSerializer.Deserialize<CacheEntry>(Encoding.UTF8.GetString(bytes, 0, newline));
            return entry is null ? null : entry with { Body = bytes[(newline + 1)..] };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
