using System.Diagnostics;
using System.Globalization;
using Jaga.Core.Backup;
using Jaga.Core.Journal.Events.Backup;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup;

/// <summary><c>jaga backup verify</c>: re-reads every stored copy (checksum, decrypt, decompress fully) and, with
/// <c>--restore</c>, restores one into a scratch target and compares per-table row counts with the manifest.</summary>
public sealed class BackupVerifier(BackupServices s)
{
    public async Task<VerifyOutcome> VerifyAsync(BackupRecord record, bool restore, BackupObserver? observer = null, CancellationToken ct = default)
    {
        var manifest = record.Manifest is null ? null : ManifestJson.TryRead(record.Manifest, out _);
        if (manifest is null) throw new Core.Errors.UserException($"backup {record.Id} ({record.Artifact}) has no manifest: it never completed, so there is nothing to verify");
        var job = s.Plan.Plan.Backup.FirstOrDefault(j => j.Name == record.Job);
        var problems = new List<string>();
        var copies = new List<BackupCopy>();
        string? good = null;
        foreach (var copy in record.Copies)
        {
            if (copy.State is not (CopyState.Stored or CopyState.Corrupt))
            {
                copies.Add(copy);
                continue;
            }
            observer?.Note?.Invoke(copy.Destination);
            var check = await TrialRestore.ReadCopyAsync(s, copy.Destination, manifest, job, ArtifactReader.DrainAsync, observer, ct);
            if (check.Problem is null) good ??= copy.Destination;
            else problems.Add($"{copy.Destination}: {check.Problem}");
            // Only damaged bytes make a copy corrupt: a destination that cannot be reached now, or a key that does not
            // fit, fails the verification but leaves the copy as it was, so a restore can still use it.
            copies.Add(check.Problem is null ? copy with { State = CopyState.Stored, Detail = null, VerifiedAt = s.Clock.GetUtcNow() }
                : check.Corrupt ? copy with { State = CopyState.Corrupt, Detail = check.Problem }
                : copy with { Detail = check.Problem });
        }
        if (copies.All(c => c.State is not (CopyState.Stored or CopyState.Corrupt))) problems.Add(Words["reason.verify.no.copy"]);

        string? restored = null;
        TimeSpan? took = null;
        if (restore && good is not null)
        {
            var started = Stopwatch.GetTimestamp();
            string? problem, counts;
            try
            {
                (problem, counts) = await TrialRestoreAsync(good, manifest, job, observer, ct);
            }
            catch (Exception e) when (e is BackupSourceException or Core.Errors.UserException or DestinationException)
            {
                // No scratch target (no CREATEDB, no restore_into): the checksums above are still recorded.
                (problem, counts) = (Pipeline.Reasons.Of(e), null);
            }
            took = Stopwatch.GetElapsedTime(started);
            if (problem is not null) problems.Add(Words.Format("reason.verify.restore", good, problem));
            else restored = counts;
        }

        var now = s.Clock.GetUtcNow();
        var ok = problems.Count == 0;
        var summary = ok
            ? Summary(copies, restored, took)
            : string.Join("; ", problems);
        // The time of the last verification, good or not: a failing one is not repeated at every run until its schedule comes again.
        record = record with { Copies = copies, VerifiedAt = now, VerifyResult = ok ? "ok" : summary };
        await s.Catalog.SaveAsync(record, ct);

        var data = new Dictionary<string, string> { ["job"] = record.Job, ["id"] = record.Id, ["artifact"] = record.Artifact, ["restore"] = restore ? "true" : "false" };
        if (took is { } t) data["restore_seconds"] = t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        var entry = ok
            ? await s.Journal.RecordAsync(new BackupVerified(record.Artifact, summary) { Data = data }, ct: ct)
            : await s.Journal.RecordAsync(new BackupVerifyFailed(record.Artifact, summary) { Data = data }, ct: ct);
        return new VerifyOutcome(record, ok, summary, took, entry.Line);
    }

    /// <summary>The catalog of the plan's language: a verification's summary is a detail of its log line.</summary>
    private Core.Messages.Catalog Words => s.Journal.Messages;

    private string Summary(List<BackupCopy> copies, string? restored, TimeSpan? took)
    {
        var at = string.Join(", ", copies.Where(c => c.State == CopyState.Stored).Select(c => c.Destination));
        return restored is null ? Words.Format("reason.verify.ok", at)
            : Words.Format("reason.verify.restored", at, restored, took!.Value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
    }

    private async Task<(string? Problem, string? Counts)> TrialRestoreAsync(string destination, BackupManifest manifest, Core.Plan.BackupJob? job, BackupObserver? observer, CancellationToken ct)
    {
        await using var scratch = await s.Connectors.ScratchAsync(manifest, job?.Verify?.RestoreInto, ct);
        var trial = await TrialRestore.IntoAsync(s, scratch, destination, manifest, job, observer, ct);
        return (trial.Problem, trial.Counts);
    }
}

/// <summary>The result of a verification: the updated record, whether every copy (and the test restore) was good, and why not.</summary>
public sealed record VerifyOutcome(BackupRecord Record, bool Ok, string Summary, TimeSpan? RestoreDuration, string Line);
