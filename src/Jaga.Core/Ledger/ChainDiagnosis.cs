namespace Jaga.Core.Ledger;

/// <summary>A second, slower look after <see cref="ChainVerifier"/> stops: tells reordering apart from editing.</summary>
public static class ChainDiagnosis
{
    /// <summary>Refines <paramref name="problem"/> using all entries (in stored order).</summary>
    public static AuditProblem Refine(AuditProblem problem, IReadOnlyList<AuditEntry> entries)
    {
        if (problem.Kind is not (AuditProblemKind.Edited or AuditProblemKind.Relinked)) return problem;
        var bySeq = entries.ToDictionary(e => e.Seq);
        if (!bySeq.TryGetValue(problem.Seq, out var bad)) return problem;
        var byHash = new Dictionary<string, AuditEntry>(StringComparer.Ordinal);
        foreach (var e in entries) byHash.TryAdd(e.Hash, e);

        // An entry whose previous-hash is the hash of an entry stored *after* it was moved.
        if (byHash.TryGetValue(bad.Prev, out var predecessor) && predecessor.Seq >= bad.Seq)
            return new AuditProblem(bad.Seq, AuditProblemKind.Reordered,
                $"entries were reordered: the entry stored as #{bad.Seq} (\"{Clip(bad.Message)}\") was written after the one stored as #{predecessor.Seq}");
        // An entry whose content hashes correctly under another sequence number was moved there.
        foreach (var seq in new[] { bad.Seq - 1, bad.Seq + 1 })
        {
            if (seq < 1) continue;
            var moved = bad with { Seq = seq };
            if (AuditCanonical.HashHex(moved) == bad.Hash)
                return new AuditProblem(bad.Seq, AuditProblemKind.Reordered,
                    $"entries were reordered: the entry stored as #{bad.Seq} (\"{Clip(bad.Message)}\") was written as #{seq}");
        }
        return problem;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "…";
}
