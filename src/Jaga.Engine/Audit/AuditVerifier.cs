using Jaga.Core.Ledger;
using Jaga.Core.Ports;

namespace Jaga.Engine.Audit;

/// <summary>Proves the audit chain intact, or names the first bad entry: hashes and links, stored checkpoints,
/// an external anchor, and the text log file against the chain.</summary>
public static class AuditVerifier
{
    public static async Task<AuditReport> VerifyAsync(IStateStore store, string? logFile, SigningKey? publicKey, Checkpoint? anchor, CancellationToken ct = default)
    {
        var problems = new List<AuditProblem>();
        var proven = new List<string>();
        var checkpoints = await store.CheckpointsAsync(ct);
        var wanted = new HashSet<long>(checkpoints.Select(c => c.Seq));
        if (anchor is not null) wanted.Add(anchor.Seq);
        var hashesAt = new Dictionary<long, string>();

        var verifier = new ChainVerifier();
        var lines = logFile is not null ? new LogFileComparer(logFile) : null;
        await foreach (var e in store.ReadAsync(1, ct))
        {
            if (!verifier.Add(e)) break;
            if (wanted.Contains(e.Seq)) hashesAt[e.Seq] = e.Hash;
            lines?.Next(e);
        }
        if (verifier.Problem is { } chainProblem)
        {
            var all = new List<AuditEntry>();
            await foreach (var e in store.ReadAsync(1, ct)) all.Add(e);
            problems.Add(ChainDiagnosis.Refine(chainProblem, all));
        }
        else
        {
            proven.Add($"chain: {verifier.Count} entries, every hash and link checks");
        }

        foreach (var c in checkpoints) CheckCheckpoint(c, "stored checkpoint", publicKey, verifier, hashesAt, problems, proven);
        if (anchor is not null) CheckCheckpoint(anchor, "anchor checkpoint", publicKey, verifier, hashesAt, problems, proven);

        if (lines is not null && verifier.Problem is null)
        {
            var lineProblem = await lines.FinishAsync(store, ct);
            if (lineProblem is null) proven.Add($"log file {logFile}: {lines.Matched} lines match the chain");
            else problems.Add(lineProblem);
        }
        return new AuditReport(verifier.Count, verifier.Last, problems, proven);
    }

    private static void CheckCheckpoint(Checkpoint c, string what, SigningKey? key, ChainVerifier verifier, Dictionary<long, string> hashesAt, List<AuditProblem> problems, List<string> proven)
    {
        if (key is not null && !key.Verify(c))
        {
            problems.Add(new AuditProblem(c.Seq, AuditProblemKind.ForgedCheckpoint, c.KeyId != key.KeyId
                ? $"{what} #{c.Seq} was signed by key {c.KeyId}, not by this project's key {key.KeyId}: forged or from another project"
                : $"{what} #{c.Seq}: the signature does not verify: the checkpoint was forged or altered"));
            return;
        }
        if (verifier.Problem is not null) return;
        if (c.Seq > verifier.Count)
        {
            problems.Add(new AuditProblem(verifier.Count + 1, AuditProblemKind.Truncated,
                $"the chain ends at #{verifier.Count} but the {what} vouches for #{c.Seq}: entries #{verifier.Count + 1}–#{c.Seq} were removed (truncated)"));
            return;
        }
        if (c.Seq > 0 && hashesAt.TryGetValue(c.Seq, out var hash) && hash != c.Head)
        {
            problems.Add(new AuditProblem(c.Seq, AuditProblemKind.Edited,
                $"entry #{c.Seq} differs from the {what} signed at {c.Time:yyyy-MM-dd HH:mm:ss}Z: the chain up to #{c.Seq} was rewritten"));
            return;
        }
        proven.Add(key is null ? $"{what} #{c.Seq} matches the chain (signature not checked: no public key)" : $"{what} #{c.Seq} is signed by key {key.KeyId} and matches the chain");
    }
}
