using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Ledger;

namespace Jaga.Core.Tests.Ledger;

/// <summary>Pins the canonical form documented in docs/audit.md: anyone must be able to re-compute a hash from it.</summary>
public sealed class AuditCanonicalTests
{
    private static readonly AuditEntry Awkward = new(
        42,
        new DateTimeOffset(2025, 11, 15, 2, 0, 0, 123, TimeSpan.FromHours(7)),
        "budi \"ops\"",
        "log.manual",
        Severity.Warn,
        "Patch keamanan — modul auth\nbaris 2\r\tdone\u0001\u001f\u007f é 🚀 back\\slash",
        "[2025-11-15 02:00:00] [WARN] Patch keamanan — modul auth",
        new Dictionary<string, string> { ["b"] = "2", ["a"] = "x\"y", ["Z"] = "z", ["é"] = "accent", ["\uFF01"] = "fullwidth", ["🚀"] = "rocket" },
        AuditEntry.Genesis,
        "");

    [Fact]
    public void Canonical_text_is_one_line_of_json_in_the_documented_form()
    {
        // Keys in fixed order; data keys in UTF-16 code unit order (so 🚀, a surrogate pair, sorts before U+FF01);
        // only ", \ and control characters escaped; DEL (U+007F) and everything else written as UTF-8.
        var expected = """
            {"v":1,"seq":42,"time":"2025-11-14T19:00:00.123Z","actor":"budi \"ops\"","kind":"log.manual","level":"WARN","message":"Patch keamanan — modul auth\nbaris 2\r\tdone\u0001\u001f
            """ + "\u007f" + """
             é 🚀 back\\slash","line":"[2025-11-15 02:00:00] [WARN] Patch keamanan — modul auth","data":{"Z":"z","a":"x\"y","b":"2","é":"accent","🚀":"rocket","！":"fullwidth"},"prev":"0000000000000000000000000000000000000000000000000000000000000000"}
            """;

        Assert.Equal(expected, AuditCanonical.Text(Awkward));
    }

    [Fact]
    public void Empty_data_is_an_empty_object()
    {
        var entry = new AuditEntry(1, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), "a", "k", Severity.Error, "m", "l", AuditData.Empty, AuditEntry.Genesis, "");

        Assert.Equal(
            """{"v":1,"seq":1,"time":"2025-01-02T03:04:05.000Z","actor":"a","kind":"k","level":"ERROR","message":"m","line":"l","data":{},"prev":"0000000000000000000000000000000000000000000000000000000000000000"}""",
            AuditCanonical.Text(entry));
    }

    [Fact]
    public void Hash_is_the_sha256_of_the_canonical_text_in_utf8()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AuditCanonical.Text(Awkward))));

        Assert.Equal(expected, AuditCanonical.HashHex(Awkward));
    }

    [Fact]
    public void Entries_larger_than_the_buffer_are_written_and_hashed_whole()
    {
        var big = Awkward with { Message = string.Concat(Enumerable.Repeat("é\"\n", 5_000)), Data = new Dictionary<string, string> { ["k"] = new string('x', 20_000) } };

        var text = AuditCanonical.Text(big);

        Assert.Contains(string.Concat(Enumerable.Repeat("é\\\"\\n", 5_000)), text, StringComparison.Ordinal);
        Assert.EndsWith(new string('x', 20_000) + "\"},\"prev\":\"" + AuditEntry.Genesis + "\"}", text, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), AuditCanonical.HashHex(big));
    }

    [Fact]
    public void Sealing_keeps_time_in_utc_at_millisecond_precision()
    {
        var draft = new AuditDraft(new DateTimeOffset(2025, 11, 15, 2, 0, 0, TimeSpan.FromHours(7)).AddTicks(1_234_567), "jaga", "k", Severity.Info, "m", "l", AuditData.Empty);

        var entry = AuditEntry.Seal(draft, 1, AuditEntry.Genesis);

        Assert.Equal(new DateTimeOffset(2025, 11, 14, 19, 0, 0, 123, TimeSpan.Zero), entry.Time);
        Assert.Equal(TimeSpan.Zero, entry.Time.Offset);
        Assert.Equal(AuditCanonical.HashHex(entry with { Hash = "" }), entry.Hash);
    }

    [Fact]
    public void Stored_data_json_round_trips_with_keys_sorted()
    {
        var data = new Dictionary<string, string> { ["b"] = "2", ["a"] = "x\"y é" };

        var json = AuditData.ToJson(data);

        Assert.StartsWith("{\"a\":", json, StringComparison.Ordinal);
        Assert.Equal(data, AuditData.FromJson(json));
        Assert.Equal("{}", AuditData.ToJson(AuditData.Empty));
        Assert.Empty(AuditData.FromJson("{}"));
    }
}
