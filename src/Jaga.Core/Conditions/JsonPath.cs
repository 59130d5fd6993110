using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jaga.Core.Conditions;

/// <summary>Gatus's JSON paths over a response body: <c>data.status</c>, <c>[0]</c>, <c>items[1].name</c>.</summary>
internal static partial class JsonPath
{
    /// <summary>Reads <paramref name="path"/> in <paramref name="json"/>: its value as text (strings unquoted, numbers and
    /// booleans as written, arrays and objects as JSON) and its length (items, keys or characters); or why it is absent.</summary>
    public static bool TryRead(string json, string path, out string? value, out int length, out string? absent)
    {
        value = null;
        length = 0;
        absent = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            absent = "body is not JSON";
            return false;
        }
        using (document)
        {
            var node = document.RootElement;
            var walked = "";
            foreach (Match step in Step().Matches(path))
            {
                var key = step.Groups["key"];
                walked += key.Success ? (walked.Length == 0 ? key.Value : "." + key.Value) : step.Value;
                if (key.Success)
                {
                    if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(key.Value, out node))
                    {
                        absent = $"body has no {walked}";
                        return false;
                    }
                    continue;
                }
                // A negative or non-numeric index (only has() lets one through the parser) names no item.
                if (!int.TryParse(step.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || node.ValueKind != JsonValueKind.Array || index >= node.GetArrayLength())
                {
                    absent = node.ValueKind == JsonValueKind.Array ? $"body has no {walked}, only {node.GetArrayLength()} items" : $"body has no {walked}";
                    return false;
                }
                node = node[index];
            }
            if (node.ValueKind == JsonValueKind.Null)
            {
                absent = $"{(walked.Length == 0 ? "body" : walked)} is null";
                return false;
            }
            (value, length) = node.ValueKind switch
            {
                JsonValueKind.String => (node.GetString()!, node.GetString()!.Length),
                JsonValueKind.Array => (node.GetRawText(), node.GetArrayLength()),
                JsonValueKind.Object => (node.GetRawText(), node.EnumerateObject().Count()),
                _ => (node.GetRawText(), node.GetRawText().Length),
            };
            return true;
        }
    }

    [GeneratedRegex(@"\.?(?<key>[^.\[\]]+)|\[(?<index>[^\]]*)\]")]
    private static partial Regex Step();
}
