using Jaga.Core.Ledger;

namespace Jaga.Core.Tests.Ledger;

/// <summary>Audit chains built the way a state store seals them, to tamper with in tests.</summary>
internal static class Chains
{
    public static readonly DateTimeOffset Start = new(2025, 11, 14, 19, 0, 0, TimeSpan.Zero);

    public static AuditDraft Draft(int n) => new(
        Start.AddDays(n - 1), "jaga", "backup.done", Severity.Info, $"Backup database selesai: backup/db_{n}.sql",
        $"[2025-11-15 02:00:00] [INFO] Backup database selesai: backup/db_{n}.sql",
        new Dictionary<string, string> { ["file"] = $"backup/db_{n}.sql", ["job"] = "db" });

    public static List<AuditEntry> Build(int count)
    {
        var entries = new List<AuditEntry>();
        var prev = AuditEntry.Genesis;
        for (var n = 1; n <= count; n++)
        {
            var entry = AuditEntry.Seal(Draft(n), n, prev);
            entries.Add(entry);
            prev = entry.Hash;
        }
        return entries;
    }

    /// <summary>Feeds the entries to a verifier in the given order and returns the problem it stops at, or null.</summary>
    public static AuditProblem? Verify(IEnumerable<AuditEntry> entries)
    {
        var verifier = new ChainVerifier();
        foreach (var e in entries)
            if (!verifier.Add(e)) break;
        return verifier.Problem;
    }
}
