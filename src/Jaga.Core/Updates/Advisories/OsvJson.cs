using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Jaga.Core.Updates.Advisories;

/// <summary>Reads one OSV JSON document (https://ossf.github.io/osv-schema/) into an <see cref="Advisory"/>, and writes
/// an advisory back as the smaller OSV document the local database keeps. Only the ecosystems Jaga reads are kept
/// (<c>NuGet</c>, <c>npm</c>, <c>PyPI</c>); others' <c>affected[]</c> entries are left out.</summary>
public static class OsvJson
{
    /// <summary>How long a summary made from the first line of <c>details</c> may be (OSV recommends 120).</summary>
    private const int SummaryLength = 120;

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static OsvRecord Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    /// <summary>Reads a document; <see cref="FormatException"/> when it is not JSON or not an OSV advisory (no <c>id</c>).</summary>
    public static OsvRecord Read(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("not an OSV advisory: the document is not a JSON object");
            if (Text(root, "id") is not { Length: > 0 } id) throw new FormatException("not an OSV advisory: it has no \"id\"");
            var advisory = new Advisory(
                id,
                Strings(root, "aliases"),
                SummaryOf(root),
                SeverityOf(root),
                Time(root, "modified"),
                AffectedOf(root));
            return new OsvRecord(advisory, Time(root, "withdrawn"));
        }
    }

    /// <summary>The advisory as an OSV document holding only what an audit uses: id, modified, aliases, summary, the
    /// severity (as <c>database_specific.severity</c>) and the affected packages without their GIT ranges (commit
    /// hashes match no package version). <see cref="Read(string)"/> reads it back to the same advisory.</summary>
    public static string Write(Advisory advisory)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", advisory.Id);
            if (advisory.Modified is { } modified) w.WriteString("modified", modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            if (advisory.Aliases.Count > 0)
            {
                w.WriteStartArray("aliases");
                foreach (var a in advisory.Aliases) w.WriteStringValue(a);
                w.WriteEndArray();
            }
            if (advisory.Summary.Length > 0) w.WriteString("summary", advisory.Summary);
            if (advisory.Severity != Severity.Unknown)
            {
                w.WriteStartObject("database_specific");
                w.WriteString("severity", advisory.Severity.ToString().ToUpperInvariant());
                w.WriteEndObject();
            }
            w.WriteStartArray("affected");
            foreach (var p in advisory.Affected) WriteAffected(w, p);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The ecosystem an OSV ecosystem name means, if Jaga reads it.</summary>
    public static Ecosystem? EcosystemOf(string osvName) => osvName switch
    {
        "NuGet" => Ecosystem.NuGet,
        "npm" => Ecosystem.Npm,
        "PyPI" => Ecosystem.PyPI,
        _ => null,
    };

    /// <summary>The name OSV gives an ecosystem (in documents and in the dumps' URLs).</summary>
    public static string NameOf(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.NuGet => "NuGet",
        Ecosystem.Npm => "npm",
        Ecosystem.PyPI => "PyPI",
    };

    private static void WriteAffected(Utf8JsonWriter w, AffectedPackage p)
    {
        w.WriteStartObject();
        w.WriteStartObject("package");
        w.WriteString("ecosystem", NameOf(p.Ecosystem));
        w.WriteString("name", p.Name);
        w.WriteEndObject();
        w.WriteStartArray("ranges");
        foreach (var r in p.Ranges.Where(r => r.Type != OsvRangeType.Git))
        {
            w.WriteStartObject();
            w.WriteString("type", r.Type == OsvRangeType.Semver ? "SEMVER" : "ECOSYSTEM");
            w.WriteStartArray("events");
            foreach (var e in r.Events)
            {
                w.WriteStartObject();
                w.WriteString(EventKey(e.Kind), e.Version);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (p.Versions.Count > 0)
        {
            w.WriteStartArray("versions");
            foreach (var v in p.Versions) w.WriteStringValue(v);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static string EventKey(OsvEventKind kind) => kind switch
    {
        OsvEventKind.Introduced => "introduced",
        OsvEventKind.Fixed => "fixed",
        OsvEventKind.LastAffected => "last_affected",
        OsvEventKind.Limit => "limit",
    };

    private static List<AffectedPackage> AffectedOf(JsonElement root)
    {
        var list = new List<AffectedPackage>();
        if (!root.TryGetProperty("affected", out var affected) || affected.ValueKind != JsonValueKind.Array) return list;
        foreach (var a in affected.EnumerateArray())
        {
            if (a.ValueKind != JsonValueKind.Object || !a.TryGetProperty("package", out var package) || package.ValueKind != JsonValueKind.Object) continue;
            if (Text(package, "ecosystem") is not { } osvName || EcosystemOf(osvName) is not { } ecosystem) continue;
            if (Text(package, "name") is not { Length: > 0 } name) continue;
            list.Add(new AffectedPackage(ecosystem, name, RangesOf(a), Strings(a, "versions")));
        }
        return list;
    }

    private static List<OsvRange> RangesOf(JsonElement affected)
    {
        var list = new List<OsvRange>();
        if (!affected.TryGetProperty("ranges", out var ranges) || ranges.ValueKind != JsonValueKind.Array) return list;
        foreach (var r in ranges.EnumerateArray())
        {
            OsvRangeType? type = Text(r, "type") switch
            {
                "SEMVER" => OsvRangeType.Semver,
                "ECOSYSTEM" => OsvRangeType.Ecosystem,
                "GIT" => OsvRangeType.Git,
                _ => null,
            };
            if (type is null || !r.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array) continue;
            var found = new List<OsvEvent>();
            foreach (var e in events.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object) continue;
                // The schema allows one key per event; the first known one is taken.
                foreach (var property in e.EnumerateObject())
                {
                    OsvEventKind? kind = property.Name switch
                    {
                        "introduced" => OsvEventKind.Introduced,
                        "fixed" => OsvEventKind.Fixed,
                        "last_affected" => OsvEventKind.LastAffected,
                        "limit" => OsvEventKind.Limit,
                        _ => null,
                    };
                    if (kind is null || property.Value.ValueKind != JsonValueKind.String) continue;
                    found.Add(new OsvEvent(kind.Value, property.Value.GetString()!));
                    break;
                }
            }
            list.Add(new OsvRange(type.Value, found));
        }
        return list;
    }

    /// <summary><c>database_specific.severity</c> (GitHub's words) when the advisory gives it; else the highest CVSS v3
    /// base score among its <c>severity[]</c>, then among its packages' <c>severity[]</c>; else unknown. CVSS v4 vectors
    /// alone give no severity: their score needs FIRST's lookup tables, which Jaga does not carry.</summary>
    private static Severity SeverityOf(JsonElement root)
    {
        if (root.TryGetProperty("database_specific", out var specific) && specific.ValueKind == JsonValueKind.Object)
        {
            Severity? named = Text(specific, "severity")?.ToUpperInvariant() switch
            {
                "LOW" => Severity.Low,
                "MODERATE" or "MEDIUM" => Severity.Moderate,
                "HIGH" => Severity.High,
                "CRITICAL" => Severity.Critical,
                _ => null,
            };
            if (named is { } n) return n;
        }
        var score = HighestCvss(root);
        if (score is null && root.TryGetProperty("affected", out var affected) && affected.ValueKind == JsonValueKind.Array)
            score = affected.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(HighestCvss).Max();
        return score is { } s ? Cvss.SeverityOf(s) : Severity.Unknown;
    }

    private static double? HighestCvss(JsonElement holder)
    {
        if (!holder.TryGetProperty("severity", out var severity) || severity.ValueKind != JsonValueKind.Array) return null;
        double? highest = null;
        foreach (var s in severity.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.Object || Text(s, "type") != "CVSS_V3" || Text(s, "score") is not { } vector) continue;
            if (Cvss.BaseScore(vector) is { } score && (highest is null || score > highest)) highest = score;
        }
        return highest;
    }

    /// <summary>The advisory's summary; PyPI's advisories have none, so the first line of their details stands in.</summary>
    private static string SummaryOf(JsonElement root)
    {
        if (Text(root, "summary") is { } summary && summary.Trim().Length > 0) return summary.Trim();
        if (Text(root, "details") is not { } details) return "";
        var line = details.TrimStart().Split('\n', 2)[0].Trim();
        return line.Length <= SummaryLength ? line : string.Concat(line.AsSpan(0, SummaryLength - 1), "…");
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Strings(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    private static DateTimeOffset? Time(JsonElement o, string name) =>
        Text(o, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t : null;
}
