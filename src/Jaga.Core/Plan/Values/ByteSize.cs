using System.Globalization;
using System.Text.RegularExpressions;

namespace Jaga.Core.Plan.Values;

/// <summary>Sizes: <c>100MB</c> (decimal, 10^6) or <c>1GiB</c> (binary, 2^30); a bare number is bytes.</summary>
public static partial class ByteSize
{
    public const string Help = "write a number and a unit (B, KB, MB, GB, TB or KiB, MiB, GiB, TiB), e.g. 100MB, 1GiB";

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var m = Shape().Match(text.Trim());
        if (!m.Success) return false;
        if (!decimal.TryParse(m.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return false;
        decimal unit = m.Groups[2].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KB" => 1e3m,
            "M" or "MB" => 1e6m,
            "G" or "GB" => 1e9m,
            "T" or "TB" => 1e12m,
            "KIB" => 1L << 10,
            "MIB" => 1L << 20,
            "GIB" => 1L << 30,
            _ => 1L << 40,
        };
        if (n > long.MaxValue / unit) return false;
        var total = n * unit;
        // Below one byte is no size at all (0.5 would silently become 0).
        if (total > long.MaxValue || total < 1) return false;
        bytes = (long)total;
        return true;
    }

    /// <summary>Formats a size the way it was most likely written: exact decimal units (100 MB), else binary (1.5 GiB).</summary>
    public static string Format(long bytes)
    {
        string[] decimalUnits = ["B", "KB", "MB", "GB", "TB"];
        for (var k = decimalUnits.Length - 1; k > 0; k--)
        {
            var unit = (long)Math.Pow(1000, k);
            if (bytes >= unit && bytes % unit == 0) return $"{bytes / unit} {decimalUnits[k]}";
        }
        return Binary(bytes, "0.#");
    }

    /// <summary>A size in binary units with one decimal (<c>1.5 MiB</c>), as <c>jaga backup list</c> and the dashboard show it.</summary>
    public static string Binary(long bytes) => Binary(bytes, "0.0");

    private static string Binary(long bytes, string format)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes} B" : value.ToString(format, CultureInfo.InvariantCulture) + " " + units[unit];
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*([KMGT]i?B|[KMGT]|B)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Shape();
}
