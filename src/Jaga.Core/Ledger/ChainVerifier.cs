namespace Jaga.Core.Ledger;

/// <summary>Checks entries one at a time, in sequence order, and stops at the first problem.</summary>
/// <remarks>Streaming and allocation-light: verification of a long chain runs at the speed of reading it.</remarks>
public sealed class ChainVerifier
{
    private readonly byte[] computed = new byte[32];
    private readonly byte[] stored = new byte[32];
    private string? previousHash = AuditEntry.Genesis;
    private long expected = 1;

    /// <summary>Verifies a whole chain, from entry 1.</summary>
    public ChainVerifier()
    {
    }

    /// <summary>Verifies a part of a chain that starts at <paramref name="firstSeq"/>; the first entry's
    /// previous-hash is taken as given (<see cref="FirstPrev"/>) and must be checked against the part before.</summary>
    public ChainVerifier(long firstSeq)
    {
        expected = firstSeq;
        previousHash = firstSeq == 1 ? AuditEntry.Genesis : null;
    }

    /// <summary>The previous-hash of the first entry added.</summary>
    public string? FirstPrev { get; private set; }

    public AuditProblem? Problem { get; private set; }

    public long Count { get; private set; }

    public AuditEntry? Last { get; private set; }

    /// <summary>Adds the next entry; returns false once a problem is found.</summary>
    public bool Add(AuditEntry e)
    {
        if (Problem is not null) return false;
        if (e.Seq != expected)
        {
            Problem = e.Seq > expected
                ? Missing(expected, e.Seq)
                : new AuditProblem(e.Seq, AuditProblemKind.Reordered, $"entry #{e.Seq} appears after #{expected - 1}: entries are out of order");
            return false;
        }
        AuditCanonical.Hash(e, computed);
        if (e.Hash.Length != 64 || !TryHex(e.Hash, stored) || !computed.AsSpan().SequenceEqual(stored))
        {
            Problem = new AuditProblem(e.Seq, AuditProblemKind.Edited,
                $"entry #{e.Seq} was edited: its content no longer matches its hash (stored {Short(e.Hash)}…, computed {Convert.ToHexStringLower(computed)[..12]}…)");
            return false;
        }
        FirstPrev ??= e.Prev;
        if (previousHash is not null && !string.Equals(e.Prev, previousHash, StringComparison.Ordinal))
        {
            Problem = Relinked(e.Seq, e.Prev, previousHash);
            return false;
        }
        previousHash = e.Hash;
        Last = e;
        Count++;
        expected++;
        return true;
    }

    /// <summary>Stored hashes are lowercase hex, exactly as written; any other spelling is an edit.</summary>
    /// <summary>Records that the entries from the next expected one up to <paramref name="next"/> (exclusive) are missing:
    /// for a part of a chain that ends before its range does.</summary>
    public void Gap(long next)
    {
        if (Problem is null && next > expected) Problem = Missing(expected, next);
    }

    private static AuditProblem Missing(long expected, long next)
    {
        var from = expected == 1 ? "the start" : $"#{expected - 1}";
        return new AuditProblem(expected, AuditProblemKind.Deleted, next == expected + 1
            ? $"entry #{expected} is missing: the sequence jumps from {from} to #{next} (deleted)"
            : $"entries #{expected}–#{next - 1} are missing: the sequence jumps from {from} to #{next} (deleted)");
    }

    /// <summary>Entry <paramref name="seq"/>'s previous-hash is not the hash of the entry before it.</summary>
    public static AuditProblem Relinked(long seq, string prev, string previousHash) =>
        new(seq, AuditProblemKind.Relinked, seq == 1
            ? "entry #1 does not start the chain: its previous-hash is not the genesis value (entries before it were removed)"
            : $"entry #{seq} does not follow #{seq - 1}: its previous-hash {Short(prev)}… is not #{seq - 1}'s hash {Short(previousHash)}… (entry #{seq - 1} was rewritten and re-hashed, or replaced)");

    private static bool TryHex(string hex, byte[] into) =>
        !hex.AsSpan().ContainsAnyInRange('A', 'F')
        && Convert.FromHexString(hex, into, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32;

    private static string Short(string hash) => hash.Length >= 12 ? hash[..12] : hash;
}
