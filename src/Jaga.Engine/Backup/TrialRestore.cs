using Jaga.Core.Adapters;
using Jaga.Core.Backup;
using Jaga.Core.Plan;

namespace Jaga.Engine.Backup;

/// <summary>A test restore, shared by <c>backup verify --restore</c> and the restore drill: one stored copy read back
/// (checksum, decrypt, decompress) into a scratch target, whose per-table row counts are then compared with the manifest.</summary>
internal static class TrialRestore
{
    /// <summary>Reads the copy of the manifest's artifact at <paramref name="destination"/> into <paramref name="consume"/>;
    /// a destination the plan no longer names is reported, not opened.</summary>
    public static async Task<CopyCheck> ReadCopyAsync(
        BackupServices s, string destination, BackupManifest manifest, BackupJob? job, Func<Stream, CancellationToken, Task> consume,
        BackupObserver? observer, CancellationToken ct)
    {
        if (!s.Plan.Plan.Destinations.ContainsKey(destination)) return new CopyCheck(s.Journal.Messages["reason.verify.gone"], Corrupt: false);
        await using var d = s.Connectors.Destination(destination);
        return await ArtifactReader.ReadAsync(s, d, manifest, job, consume, observer?.Read, ct);
    }

    /// <summary>Restores the copy at <paramref name="destination"/> into <paramref name="scratch"/> and counts it. Returns
    /// why it failed (a damaged copy, a restore that failed, row counts that differ), or the counts' summary
    /// ("row counts of 3 tables match the manifest") and the counts found.</summary>
    public static async Task<TrialOutcome> IntoAsync(
        BackupServices s, ScratchTarget scratch, string destination, BackupManifest manifest, BackupJob? job, BackupObserver? observer, CancellationToken ct)
    {
        var words = s.Journal.Messages;
        var check = await ReadCopyAsync(s, destination, manifest, job, (plain, c) => scratch.Target.RestoreAsync(plain, c), observer, ct);
        if (check.Problem is not null) return new TrialOutcome(check.Problem, null);
        var counts = await scratch.Target.CountAsync(ct);
        var mismatches = RowCounts.Compare(manifest.Tables, counts);
        return mismatches.Count > 0
            ? new TrialOutcome(words.Format("reason.verify.rows", string.Join(", ", mismatches)), null)
            : new TrialOutcome(null, words.Format(manifest.Source.Kind == SourceKind.Files ? "reason.verify.paths" : "reason.verify.tables", counts.Count));
    }
}

/// <summary>How a test restore ended: <see cref="Problem"/> null and <see cref="Counts"/> the summary of the matching row
/// counts, or why not.</summary>
internal sealed record TrialOutcome(string? Problem, string? Counts);
