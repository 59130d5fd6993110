using Jaga.Core.Ledger;
using Jaga.Core.Ports;

namespace Jaga.Engine.Audit;

/// <summary>Proves the audit chain intact, or names the first bad entry: hashes and links, stored checkpoints,
/// an external anchor, and the text log file against the chain.</summary>
public static class AuditVerifier
{
    /// <summary>Below this many entries per part, splitting the chain costs more than it saves.</summary>
    private const long MinimumPart = 100_000;

    /// <param name="store">The chain.</param>
    /// <param name="logFile">The text log to compare with the chain, if any.</param>
    /// <param name="publicKey">The key that verifies checkpoints, if known.</param>
    /// <param name="anchor">A checkpoint kept elsewhere, if given.</param>
    /// <param name="parts">How many ranges to verify in parallel; by default one per core for long chains.</param>
    /// <param name="hold">Holds off writers of the log (the journal's lock) while the head and the file are read together.</param>
    /// <param name="node">The node whose log <paramref name="logFile"/> is: several nodes share the chain, each writes
    /// its own log. None: every entry's line is expected in the file.</param>
    /// <param name="ct">Cancels the verification.</param>
    public static async Task<AuditReport> VerifyAsync(IStateStore store, string? logFile, SigningKey? publicKey, Checkpoint? anchor, int? parts = null,
        Func<CancellationToken, Task<IDisposable>>? hold = null, string? node = null, CancellationToken ct = default)
    {
        var problems = new List<AuditProblem>();
        var proven = new List<string>();
        var checkpoints = await store.CheckpointsAsync(ct);
        var wanted = new HashSet<long>(checkpoints.Select(c => c.Seq));
        if (anchor is not null) wanted.Add(anchor.Seq);

        // The head is fixed before the file is read: entries written while verifying are not counted as missing lines.
        AuditEntry? head;
        List<string>? lines;
        using (hold is null ? null : await hold(ct))
        {
            head = await store.HeadAsync(ct);
            // The rotated parts (oldest first, decompressed) and then the live file: the log as one sequence of lines.
            lines = logFile is null ? null : Logs.MaintenanceLogParts.ReadLines(logFile);
        }
        // Rotated parts pruned by retention take the chain's first entries' lines with them: the rest must still match.
        var (skipped, missing, prunedByJaga) = lines is null ? (0, 0, false) : await Logs.MaintenanceLogParts.SkippedAsync(store, lines, node, ct);
        var chain = await VerifyChainAsync(store, head, lines, skipped, wanted, parts, ct);
        if (chain.Problem is { } chainProblem)
        {
            var all = new List<AuditEntry>();
            await foreach (var e in store.ReadAsync(1, ct)) all.Add(e);
            problems.Add(ChainDiagnosis.Refine(chainProblem, all));
        }
        else
        {
            proven.Add($"chain: {chain.Count} entries, every hash and link checks");
        }

        foreach (var c in checkpoints) CheckCheckpoint(c, "stored checkpoint", publicKey, chain, problems, proven);
        // The chain records every checkpoint it was given: one missing from the store was deleted (to hide a truncation).
        foreach (var (entry, seq, headHash) in chain.Recorded)
        {
            if (chain.Problem is null && !checkpoints.Any(c => c.Seq == seq && c.Head == headHash))
                problems.Add(new AuditProblem(entry, AuditProblemKind.Deleted, $"checkpoint #{seq} recorded by entry #{entry} is missing from the store (deleted)"));
        }
        if (anchor is not null) CheckCheckpoint(anchor, "anchor checkpoint", publicKey, chain, problems, proven);

        if (logFile is not null && lines is not null && chain.Problem is null && missing > 0)
        {
            var which = missing == skipped ? $"the lines of entries #1–#{skipped}" : $"the lines of this node's {missing} entries before #{skipped + 1}";
            if (prunedByJaga) proven.Add($"log file {logFile}: {which} were in rotated parts pruned by log retention (recorded in the chain); they are no longer on disk");
            else problems.Add(new AuditProblem(1, AuditProblemKind.LogLineDeleted, $"{which} are missing from {Path.GetFileName(logFile)} and its rotated parts, and the chain records no pruning of them (deleted outside Jaga)"));
        }
        if (logFile is not null && lines is not null && chain.Problem is null)
        {
            if (!chain.LinesDiffer && await LaterLinesMatchAsync(store, lines, skipped, chain.Count, ct))
            {
                proven.Add($"log file {logFile}: {lines.Count} lines match the chain");
            }
            else
            {
                // Something differs: walk the file beside the chain to say what, and where.
                var comparer = new LogFileComparer(logFile, lines, skipped, node);
                await foreach (var e in store.ReadAsync(1, ct)) comparer.Next(e);
                var lineProblem = await comparer.FinishAsync(store, ct);
                if (lineProblem is null) proven.Add($"log file {logFile}: {comparer.Matched} lines match the chain");
                else problems.Add(lineProblem);
            }
        }
        return new AuditReport(chain.Count, chain.Last, problems, proven);
    }

    private sealed record ChainResult(AuditProblem? Problem, long Count, AuditEntry? Last, IReadOnlyDictionary<long, string> HashesAt, bool LinesDiffer = false)
    {
        /// <summary>Checkpoints the chain says were made: (entry that says so, checkpoint seq, head).</summary>
        public List<(long Entry, long Seq, string Head)> Recorded { get; } = [];
    }

    /// <summary>Lines past the head read before the file are fine if they are the lines of the entries written since.</summary>
    private static async Task<bool> LaterLinesMatchAsync(IStateStore store, List<string> lines, long skipped, long head, CancellationToken ct)
    {
        if (lines.Count + skipped < head) return false;
        if (lines.Count + skipped == head) return true;
        var index = head - skipped;
        await foreach (var e in store.ReadAsync(head + 1, ct))
        {
            if (index >= lines.Count) return true;
            if (e.Seq != index + skipped + 1 || lines[(int)index] != e.Line) return false;
            index++;
        }
        return index >= lines.Count;
    }

    /// <summary>Checks the chain in consecutive parts, one per core, each reading and hashing its own range;
    /// then checks that each part's first entry links to the previous part's last.</summary>
    private static async Task<ChainResult> VerifyChainAsync(IStateStore store, AuditEntry? head, List<string>? lines, long skipped, HashSet<long> wanted, int? parts, CancellationToken ct)
    {
        if (head is null) return new ChainResult(null, 0, null, new Dictionary<long, string>(), lines is { Count: > 0 });
        var top = Math.Max(1, head.Seq);
        var count = (int)Math.Clamp(parts ?? Math.Min(top / MinimumPart, Environment.ProcessorCount), 1, Math.Min(top, 64));
        var size = (top / count) + (top % count == 0 ? 0 : 1);
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            Task.Run(() => VerifyPartAsync(store, (i * size) + 1, i == count - 1 ? top : (i + 1) * size, lines, skipped, wanted, ct), ct)));

        var hashesAt = new Dictionary<long, string>();
        long total = 0;
        AuditEntry? last = null;
        var linesDiffer = false;
        var recorded = new List<(long, long, string)>();
        foreach (var (verifier, hashes, differ, made) in results)
        {
            linesDiffer |= differ;
            recorded.AddRange(made);
            if (last is not null && verifier.FirstPrev is { } firstPrev && firstPrev != last.Hash)
                return new ChainResult(ChainVerifier.Relinked(last.Seq + 1, firstPrev, last.Hash), total, last, hashesAt, linesDiffer);
            if (verifier.Problem is { } problem) return new ChainResult(problem, total + verifier.Count, verifier.Last ?? last, hashesAt, linesDiffer);
            foreach (var (seq, hash) in hashes) hashesAt[seq] = hash;
            total += verifier.Count;
            last = verifier.Last ?? last;
        }
        var result = new ChainResult(null, total, last, hashesAt, linesDiffer);
        result.Recorded.AddRange(recorded);
        return result;
    }

    private static async Task<(ChainVerifier Verifier, Dictionary<long, string> HashesAt, bool LinesDiffer, List<(long, long, string)> Recorded)> VerifyPartAsync(
        IStateStore store, long from, long to, List<string>? lines, long skipped, HashSet<long> wanted, CancellationToken ct)
    {
        var verifier = new ChainVerifier(from);
        var hashes = new Dictionary<long, string>();
        var linesDiffer = false;
        var recorded = new List<(long, long, string)>();
        long? beyond = null;
        await foreach (var e in store.ReadAsync(from, ct))
        {
            // An entry past the part's end closes it; as its first entry it means the whole range is missing.
            if (e.Seq > to && verifier.Count > 0)
            {
                beyond = e.Seq;
                break;
            }
            if (!verifier.Add(e)) break;
            if (wanted.Contains(e.Seq)) hashes[e.Seq] = e.Hash;
            if (e.Kind == Core.Journal.Events.Audit.CheckpointSigned.AuditKind && e.Data.TryGetValue("seq", out var cpSeq) && e.Data.TryGetValue("head", out var cpHead)
                && long.TryParse(cpSeq, System.Globalization.CultureInfo.InvariantCulture, out var cp))
                recorded.Add((e.Seq, cp, cpHead));
            // The log file's line n is entry n's line: compared here, beside the hashing, at no extra read.
            if (lines is not null && !linesDiffer && e.Seq > skipped && (e.Seq - skipped > lines.Count || lines[(int)(e.Seq - skipped - 1)] != e.Line)) linesDiffer = true;
        }
        // A part that stops short of its end lost its last entries (deleted at the boundary).
        if (verifier.Last is { } last && last.Seq < to) verifier.Gap(beyond ?? to + 1);
        return (verifier, hashes, linesDiffer, recorded);
    }

    private static void CheckCheckpoint(Checkpoint c, string what, SigningKey? key, ChainResult chain, List<AuditProblem> problems, List<string> proven)
    {
        if (key is not null && !key.Verify(c))
        {
            problems.Add(new AuditProblem(c.Seq, AuditProblemKind.ForgedCheckpoint, c.KeyId != key.KeyId
                ? $"{what} #{c.Seq} was signed by key {c.KeyId}, not by this project's key {key.KeyId}: forged or from another project"
                : $"{what} #{c.Seq}: the signature does not verify: the checkpoint was forged or altered"));
            return;
        }
        if (chain.Problem is not null) return;
        if (c.Seq < 1)
        {
            problems.Add(new AuditProblem(c.Seq, AuditProblemKind.ForgedCheckpoint, $"{what} #{c.Seq} vouches for no entry: Jaga never signs such a checkpoint"));
            return;
        }
        if (c.Seq > chain.Count)
        {
            problems.Add(new AuditProblem(chain.Count + 1, AuditProblemKind.Truncated,
                $"the chain ends at #{chain.Count} but the {what} vouches for #{c.Seq}: entries #{chain.Count + 1}–#{c.Seq} were removed (truncated)"));
            return;
        }
        if (chain.HashesAt.TryGetValue(c.Seq, out var hash) && hash != c.Head)
        {
            problems.Add(new AuditProblem(c.Seq, AuditProblemKind.Edited,
                $"entry #{c.Seq} differs from the {what} signed at {c.Time:yyyy-MM-dd HH:mm:ss}Z: the chain up to #{c.Seq} was rewritten"));
            return;
        }
        proven.Add(key is null ? $"{what} #{c.Seq} matches the chain (signature not checked: no public key)" : $"{what} #{c.Seq} is signed by key {key.KeyId} and matches the chain");
    }
}
