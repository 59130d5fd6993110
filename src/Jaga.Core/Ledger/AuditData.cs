using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Jaga.Core.Ledger;

/// <summary>How an entry's structured data is stored in a text column: a JSON object of strings, keys sorted.</summary>
public static class AuditData
{
    public static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    public static string ToJson(IReadOnlyDictionary<string, string> data)
    {
        if (data.Count == 0) return "{}";
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in data) sorted[k] = v;
        return JsonSerializer.Serialize(sorted, AuditJsonContext.Default.SortedDictionaryStringString);
    }

    /// <summary>Reads stored data. A column that is not an object of strings (tampered with) comes back as a value
    /// that cannot match any hash, so verification reports the entry as edited instead of failing to read it.</summary>
    public static IReadOnlyDictionary<string, string> FromJson(string json)
    {
        if (json == "{}") return Empty;
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            // A flat object of strings, read directly: this runs once per entry when a long chain is verified.
            var length = Encoding.UTF8.GetBytes(json, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, length));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return Unreadable(json);
            var data = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                if (!reader.Read() || reader.TokenType != JsonTokenType.String) return Unreadable(json);
                data[key] = reader.GetString()!;
            }
            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? data : Unreadable(json);
        }
        catch (JsonException)
        {
            return Unreadable(json);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static Dictionary<string, string> Unreadable(string json) => new(StringComparer.Ordinal) { ["\u0000unreadable"] = json };
}
