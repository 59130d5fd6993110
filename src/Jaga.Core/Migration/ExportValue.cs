using System.Globalization;

namespace Jaga.Core.Migration;

/// <summary>Turns a value as a database driver gives it into the text the export writes for its column's PostgreSQL type
/// (the table "CSV values" in <c>docs/migration.md</c>). A value that does not fit its column (SQLite's loose typing lets
/// <c>'abc'</c> into an INTEGER column) is refused with the reason, never turned into something else.</summary>
public static class ExportValue
{
    /// <summary>The export text of <paramref name="value"/> for a column of <paramref name="kind"/>: null for NULL, else
    /// the text; null with <paramref name="problem"/> set when the value does not fit the column.</summary>
    public static string? Text(object? value, PgTypeKind kind, out string? problem)
    {
        problem = null;
        if (value is null or DBNull) return null;
        var text = kind switch
        {
            PgTypeKind.Boolean => Boolean(value),
            PgTypeKind.SmallInt or PgTypeKind.Integer or PgTypeKind.BigInt => Integer(value),
            PgTypeKind.Numeric => Numeric(value),
            PgTypeKind.Real or PgTypeKind.Double => Floating(value, kind),
            PgTypeKind.Bytea => value is byte[] bytes ? "\\x" + Convert.ToHexStringLower(bytes) : null,
            PgTypeKind.TimestampTz => Timestamps.WithZone(value),
            PgTypeKind.Timestamp => Timestamps.WithoutZone(value),
            PgTypeKind.Date => Timestamps.Date(value),
            PgTypeKind.Time => Timestamps.Time(value),
            PgTypeKind.Uuid => value switch
            {
                Guid g => g.ToString("D"),
                string s when Guid.TryParse(s, out var g) => g.ToString("D"),
                _ => null,
            },
            PgTypeKind.Json or PgTypeKind.Jsonb => value is string json && CanonicalValue.TryJson(json, out _) ? json : null,
            _ => Textual(value),
        };
        if (text is null) problem = $"{Describe(value)} does not fit a {Word(kind)} column";
        return text;
    }

    /// <summary><see cref="Text(object?, PgTypeKind, out string?)"/>, and the canonical text of what it returns
    /// (<see cref="CanonicalValue.Of"/>) in <paramref name="canonical"/>: the same result, without parsing the text
    /// back where the value already says it (an integer as text is canonical; a timestamp is parsed once, not
    /// twice).</summary>
    public static string? Text(object? value, PgTypeKind kind, out string? problem, out string? canonical)
    {
        if (kind == PgTypeKind.TimestampTz && value is not (null or DBNull) && Timestamps.ParseWithZone(value) is { } moment)
        {
            problem = null;
            canonical = Timestamps.Canonical(moment);
            return Timestamps.WithZone(moment);
        }
        var text = Text(value, kind, out problem);
        canonical = text is null ? null
            : kind is PgTypeKind.Timestamp || (kind is PgTypeKind.SmallInt or PgTypeKind.Integer or PgTypeKind.BigInt && value is long) ? text
            : CanonicalValue.Of(text, kind);
        return text;
    }

    /// <summary>True when <paramref name="value"/>, in a timestamp or time column, is finer than a microsecond (a 7th
    /// fractional digit, as .NET's round-trip format <c>o</c> writes): the export writes microseconds, which is all
    /// PostgreSQL keeps, so the rest is cut off, and the export says so.</summary>
    public static bool Truncated(object? value, PgTypeKind kind)
    {
        if (kind is not (PgTypeKind.TimestampTz or PgTypeKind.Timestamp or PgTypeKind.Time)) return false;
        return value switch
        {
            DateTimeOffset o => o.Ticks % 10 != 0,
            DateTime d => d.Ticks % 10 != 0,
            TimeSpan t => t.Ticks % 10 != 0,
            TimeOnly t => t.Ticks % 10 != 0,
            string s => FinerThanMicroseconds(s),
            _ => false,
        };
    }

    private static bool FinerThanMicroseconds(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return false;
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        for (var i = dot + 7; i < end; i++)
            if (text[i] != '0') return true;
        return false;
    }

    /// <summary>What the value is, for a message: its type and, for short values, itself.</summary>
    private static string Describe(object value) => value switch
    {
        string s => $"the text '{(s.Length > 40 ? s[..40] + "…" : s)}'",
        byte[] b => $"a binary value of {b.Length} bytes",
        IFormattable f => $"the {Word(value)} {f.ToString(null, CultureInfo.InvariantCulture)}",
        _ => $"a {value.GetType().Name} value",
    };

    private static string Word(object value) => value switch
    {
        long or int or short or byte or sbyte or ulong or uint or ushort => "integer",
        double or float => "real number",
        decimal => "number",
        bool => "boolean",
        _ => value.GetType().Name,
    };

    private static string Word(PgTypeKind kind) => kind switch
    {
        PgTypeKind.TimestampTz => "timestamptz",
        PgTypeKind.Double => "double precision",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string? Boolean(object value) => value switch
    {
        bool b => b ? "true" : "false",
        long or int or short or byte or sbyte or ulong or uint or ushort => Convert.ToInt64(value, CultureInfo.InvariantCulture) switch
        {
            0 => "false",
            1 => "true",
            _ => null,
        },
        string s => s.ToLowerInvariant() switch
        {
            "true" or "t" or "1" => "true",
            "false" or "f" or "0" => "false",
            _ => null,
        },
        _ => null,
    };

    private static string? Integer(object value) => value switch
    {
        long or int or short or byte or sbyte or ulong or uint or ushort => Convert.ToString(value, CultureInfo.InvariantCulture),
        decimal d when d == decimal.Truncate(d) => decimal.Truncate(d).ToString(CultureInfo.InvariantCulture),
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string? Numeric(object value) => value switch
    {
        long or int or short or byte or sbyte or ulong or uint or ushort => Convert.ToString(value, CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d when double.IsNaN(d) => "NaN",
        double d when double.IsFinite(d) => Plain(d.ToString("R", CultureInfo.InvariantCulture)),
        float f when float.IsFinite(f) => Plain(f.ToString("R", CultureInfo.InvariantCulture)),
        string s when s == "NaN" || CanonicalValue.IsPlainNumber(s) => s,
        _ => null,
    };

    /// <summary>A number in exponent form (<c>1E-07</c>, <c>1E+300</c>) written out digit for digit, as numeric takes no
    /// exponent in the export; by moving the point in the text, since decimal neither holds 1e300 nor keeps 1e-30.</summary>
    internal static string Plain(string number)
    {
        var e = number.IndexOfAny(['E', 'e']);
        if (e < 0) return number;
        var exponent = int.Parse(number[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = number[..e];
        var negative = mantissa.StartsWith('-');
        if (negative) mantissa = mantissa[1..];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        string text;
        if (point <= 0) text = "0." + new string('0', -point) + digits;
        else if (point >= digits.Length) text = digits + new string('0', point - digits.Length);
        else text = digits[..point] + "." + digits[point..];
        text = text.TrimStart('0');
        if (text.Length == 0 || text[0] == '.') text = "0" + text;
        if (text.Contains('.', StringComparison.Ordinal)) text = text.TrimEnd('0').TrimEnd('.');
        return negative && text != "0" ? "-" + text : text;
    }

    private static string? Floating(object value, PgTypeKind kind) => value switch
    {
        double d when kind == PgTypeKind.Real => Special(d) ?? ((float)d).ToString("R", CultureInfo.InvariantCulture),
        double d => Special(d) ?? d.ToString("R", CultureInfo.InvariantCulture),
        float f => Special(f) ?? f.ToString("R", CultureInfo.InvariantCulture),
        long or int or short or byte or sbyte or ulong or uint or ushort => Convert.ToString(value, CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => s,
        _ => null,
    };

    private static string? Special(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : null;

    /// <summary>Text columns take text, and numbers written out (a SQLite column with no declared type holds both).
    /// Binary in a text column is refused: its bytes are not text.</summary>
    private static string? Textual(object value) => value switch
    {
        string s => s,
        byte[] => null,
        bool b => b ? "true" : "false",
        double d => Special(d) ?? d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
