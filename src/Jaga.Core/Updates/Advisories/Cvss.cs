using System.Globalization;

namespace Jaga.Core.Updates.Advisories;

/// <summary>The CVSS v3 base score of a vector (<c>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</c>), by the formula of
/// FIRST's CVSS v3.1 specification (section 7.1 and Appendix A's Roundup), and the severity band it falls in. Advisories
/// without <c>database_specific.severity</c> (PyPI's, many OSV imports) are ranked by it.</summary>
public static class Cvss
{
    /// <summary>The base score, 0.0 to 10.0; null when <paramref name="vector"/> is not a complete CVSS v3.x base vector.</summary>
    public static double? BaseScore(string vector)
    {
        var parts = vector.Trim().Split('/');
        if (parts.Length < 9 || !parts[0].StartsWith("CVSS:3.", StringComparison.Ordinal)) return null;
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.AsSpan(1))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) return null;
            // A metric given twice makes the vector invalid (specification section 6).
            if (!metrics.TryAdd(part[..colon], part[(colon + 1)..])) return null;
        }
        if (Get(metrics, "S") is not { } scope || scope is not ("U" or "C")) return null;
        var changed = scope == "C";
        double? av = Get(metrics, "AV") switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, "P" => 0.2, _ => null };
        double? ac = Get(metrics, "AC") switch { "L" => 0.77, "H" => 0.44, _ => null };
        double? pr = Get(metrics, "PR") switch { "N" => 0.85, "L" => changed ? 0.68 : 0.62, "H" => changed ? 0.5 : 0.27, _ => null };
        double? ui = Get(metrics, "UI") switch { "N" => 0.85, "R" => 0.62, _ => null };
        var (c, i, a) = (Cia(Get(metrics, "C")), Cia(Get(metrics, "I")), Cia(Get(metrics, "A")));
        if (av is null || ac is null || pr is null || ui is null || c is null || i is null || a is null) return null;

        var iss = 1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        if (impact <= 0) return 0;
        return changed ? Roundup(Math.Min(1.08 * (impact + exploitability), 10)) : Roundup(Math.Min(impact + exploitability, 10));
    }

    /// <summary>The band of a base score as advisories name them: Low below 4.0, Moderate below 7.0, High below 9.0, else
    /// Critical (FIRST's "None" for 0.0 counts as Low: the advisory still exists).</summary>
    public static Severity SeverityOf(double score) =>
        score < 4.0 ? Severity.Low : score < 7.0 ? Severity.Moderate : score < 9.0 ? Severity.High : Severity.Critical;

    /// <summary>CVSS v3.1's Roundup: the smallest number with one decimal that is at least <paramref name="value"/>,
    /// computed on integers so that floating-point noise (4.000000001) does not round 4.0 up to 4.1.</summary>
    public static double Roundup(double value)
    {
        var whole = (long)Math.Round(value * 100_000);
        return whole % 10_000 == 0 ? whole / 100_000.0 : (Math.Floor(whole / 10_000.0) + 1) / 10.0;
    }

    /// <summary>A score as the reports print it: one decimal, invariant.</summary>
    public static string Format(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    private static string? Get(Dictionary<string, string> metrics, string key) => metrics.TryGetValue(key, out var v) ? v : null;

    private static double? Cia(string? value) => value switch { "H" => 0.56, "L" => 0.22, "N" => 0.0, _ => null };
}
