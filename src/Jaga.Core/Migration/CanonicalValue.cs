using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jaga.Core.Migration;

/// <summary>The canonical text of an exported value (<c>docs/migration.md</c>, "The canonical content hash"): what the
/// content hash is computed from, so the same data hashes the same whichever database it came from.</summary>
public static class CanonicalValue
{
    private static readonly JsonSerializerOptions Minified = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    /// <summary>The canonical text of <paramref name="text"/> (an export's CSV value; null for NULL) in a column of
    /// <paramref name="kind"/>; throws <see cref="FormatException"/> when the text is not a value of that type.</summary>
    public static string? Of(string? text, PgTypeKind kind)
    {
        if (text is null) return null;
        return kind switch
        {
            PgTypeKind.Boolean => text.ToLowerInvariant() switch
            {
                "true" or "t" => "true",
                "false" or "f" => "false",
                _ => throw Bad(text, kind),
            },
            PgTypeKind.SmallInt or PgTypeKind.Integer or PgTypeKind.BigInt =>
                long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                    ? n.ToString(CultureInfo.InvariantCulture)
                    : throw Bad(text, kind),
            PgTypeKind.Numeric => Numeric(text) ?? throw Bad(text, kind),
            PgTypeKind.Real => float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f)
                ? Floating(f, f.ToString("R", CultureInfo.InvariantCulture))
                : throw Bad(text, kind),
            PgTypeKind.Double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? Floating(d, d.ToString("R", CultureInfo.InvariantCulture))
                : throw Bad(text, kind),
            PgTypeKind.Bytea => text.StartsWith("\\x", StringComparison.OrdinalIgnoreCase) ? "\\x" + text[2..].ToLowerInvariant() : throw Bad(text, kind),
            PgTypeKind.TimestampTz => Timestamps.ParseWithZone(text) is { } o ? Timestamps.Canonical(o) : throw Bad(text, kind),
            PgTypeKind.Timestamp => Timestamps.ParseWithoutZone(text) is { } t
                ? t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture)
                : throw Bad(text, kind),
            PgTypeKind.Date => Timestamps.Date(text) ?? throw Bad(text, kind),
            PgTypeKind.Time => Timestamps.Time(text) ?? throw Bad(text, kind),
            PgTypeKind.Uuid => Guid.TryParse(text, out var g) ? g.ToString("D") : throw Bad(text, kind),
            PgTypeKind.Json or PgTypeKind.Jsonb => TryJson(text, out var json) ? json : throw Bad(text, kind),
            _ => text,
        };
    }

    /// <summary>Whether <paramref name="text"/> is a plain decimal number: an optional sign, digits, an optional point.</summary>
    public static bool IsPlainNumber(string text) => Numeric(text) is not null && text != "NaN";

    /// <summary>Parses JSON and writes it minified with object keys sorted (jsonb reorders keys); false when it is not JSON.</summary>
    public static bool TryJson(string text, out string canonical)
    {
        canonical = "";
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = true });
            canonical = Sorted(document.RootElement)?.ToJsonString(Minified) ?? "null";
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonNode? Sorted(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                // A key written twice keeps its last value, as jsonb does.
                var last = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var p in element.EnumerateObject()) last[p.Name] = p.Value;
                return new JsonObject(last.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value))));
            case JsonValueKind.Array:
                return new JsonArray([.. element.EnumerateArray().Select(Sorted)]);
            case JsonValueKind.Null:
                return null;
            default:
                return JsonNode.Parse(element.GetRawText());
        }
    }

    private static string Floating(double value, string shortest) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : double.IsNegativeInfinity(value) ? "-Infinity" : shortest;

    /// <summary>A decimal number with the sign kept, leading integer zeros and trailing fractional zeros removed, and
    /// <c>-0</c> as <c>0</c>; arbitrary precision (numeric has more digits than decimal). Null when not a number.</summary>
    private static string? Numeric(string text)
    {
        if (text == "NaN") return text;
        var s = text.AsSpan();
        var negative = s.Length > 0 && s[0] == '-';
        if (s.Length > 0 && s[0] is '-' or '+') s = s[1..];
        var point = s.IndexOf('.');
        var whole = point < 0 ? s : s[..point];
        var fraction = point < 0 ? [] : s[(point + 1)..];
        if (whole.Length + fraction.Length == 0 || !IsDigits(whole) || !IsDigits(fraction)) return null;
        whole = whole.TrimStart('0');
        fraction = fraction.TrimEnd('0');
        if (whole.Length == 0 && fraction.Length == 0) return "0";
        return (negative ? "-" : "") + (whole.Length == 0 ? "0" : whole.ToString()) + (fraction.Length == 0 ? "" : "." + fraction.ToString());
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static FormatException Bad(string text, PgTypeKind kind) =>
        new($"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not a {kind.ToString().ToLowerInvariant()} value");
}
