using Jaga.Core.Ledger;

namespace Jaga.Stores.Tests;

/// <summary>Drafts for the store tests: plain ones, and ones with the text that breaks naive storage.</summary>
internal static class Drafts
{
    public static readonly DateTimeOffset Start = new(2025, 11, 15, 2, 0, 0, 123, TimeSpan.Zero);

    public static AuditDraft Plain(int n, string actor = "backup") => new(
        Start.AddSeconds(n), actor, "backup.done", Severity.Info, $"Backup database selesai: backup/db_{n}.sql",
        $"[2025-11-15 02:00:{n % 60:00}] [INFO] Backup database selesai: backup/db_{n}.sql",
        new Dictionary<string, string> { ["n"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public static List<AuditDraft> Many(int count, string actor = "backup") =>
        Enumerable.Range(1, count).Select(n => Plain(n, actor)).ToList();

    /// <summary>Data a JSON column or a careless escaper could change: unicode keys and values, quotes, backslashes, line breaks, control characters.</summary>
    public static readonly IReadOnlyDictionary<string, string> AwkwardData = new Dictionary<string, string>
    {
        ["path"] = "C:\\backup\\\"db\".sql",
        ["note"] = "line one\nline two\r\n\ttabbed",
        ["ünïcødé 🔑"] = "日本語 🙂 👨‍👩‍👧 Ελληνικά",
        ["empty"] = "",
        ["quote'single"] = "it's 'quoted'",
        ["json"] = "{\"a\":[1,2],\"b\":null}",
        ["control"] = "\u0001\u0007\u001f\u007f",
        ["html"] = "<script>alert('x')</script> &amp;",
        ["bidi"] = "abc\u202edef\u2028\u2029",
        ["Z"] = "sorts before lowercase",
        ["a"] = "sorts after uppercase",
    };
}
