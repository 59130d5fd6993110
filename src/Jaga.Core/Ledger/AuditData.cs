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

    public static IReadOnlyDictionary<string, string> FromJson(string json) =>
        json is "{}" or "" ? Empty : JsonSerializer.Deserialize(json, AuditJsonContext.Default.DictionaryStringString) ?? Empty;
}
