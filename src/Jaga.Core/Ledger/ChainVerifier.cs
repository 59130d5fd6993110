namespace Jaga.Core.Ledger;

/// <summary>Checks entries one at a time, in sequence order, and stops at the first problem.</summary>
/// <remarks>Streaming and allocation-light: verification of a long chain runs at the speed of reading it.</remarks>
public sealed class ChainVerifier
{
    private readonly byte[] computed = new byte[32];
    private readonly byte[] stored = new byte[32];
    private string previousHash = AuditEntry.Genesis;
    private long expected = 1;

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
                ? new AuditProblem(expected, AuditProblemKind.Deleted, e.Seq == expected + 1
                    ? $"entry #{expected} is missing: the sequence jumps from #{expected - 1} to #{e.Seq} (deleted)"
                    : $"entries #{expected}–#{e.Seq - 1} are missing: the sequence jumps from #{expected - 1} to #{e.Seq} (deleted)")
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
        if (!string.Equals(e.Prev, previousHash, StringComparison.Ordinal))
        {
            Problem = new AuditProblem(e.Seq, AuditProblemKind.Relinked, e.Seq == 1
                ? "entry #1 does not start the chain: its previous-hash is not the genesis value (entries before it were removed)"
                : $"entry #{e.Seq} does not follow #{e.Seq - 1}: its previous-hash {Short(e.Prev)}… is not #{e.Seq - 1}'s hash {Short(previousHash)}… (entry #{e.Seq - 1} was rewritten and re-hashed, or replaced)");
            return false;
        }
        previousHash = e.Hash;
        Last = e;
        Count++;
        expected++;
        return true;
    }

    /// <summary>Stored hashes are lowercase hex, exactly as written; any other spelling is an edit.</summary>
    private static bool TryHex(string hex, byte[] into) =>
        !hex.AsSpan().ContainsAnyInRange('A', 'F')
        && Convert.FromHexString(hex, into, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32;

    private static string Short(string hash) => hash.Length >= 12 ? hash[..12] : hash;
}
