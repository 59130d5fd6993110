using Jaga.Core.Backup;
using Jaga.Core.Journal.Events.Backup;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup;

/// <summary>Runs at the start of every backup run, under the job's lock: what an earlier run of this job left when it was
/// killed (temporary files, open multipart uploads, an artifact whose manifest was never written) is removed, and that run
/// is recorded as interrupted; so is an unfinished upload of an earlier run of this job that could not be aborted when it
/// failed. Leftovers of any job older than a day are removed too: no run lasts that long.</summary>
internal sealed class LeftoverSweep(BackupServices s)
{
    private static readonly TimeSpan Abandoned = TimeSpan.FromDays(1);

    public async Task CleanUpAsync(BackupJob job, IReadOnlyList<IBackupDestination> destinations, CancellationToken ct)
    {
        // Under the lock, a record of this job still marked running belongs to a run that died.
        var records = await s.Catalog.ListAsync(job.Name, ct);
        var stale = records.Where(r => r.Status == BackupStatus.Running).ToList();
        // And no run of this job is writing now: an unfinished upload named after any of its backups is dead. Besides a
        // killed run's, that is one a finished run could not abort because its destination was down at the time.
        var ownNames = records.SelectMany(r => new[] { r.Artifact, ArtifactName.ManifestOf(r.Artifact) }).ToHashSet(StringComparer.Ordinal);
        var removed = stale.ToDictionary(r => r.Id, _ => 0);
        var now = s.Clock.GetUtcNow();

        foreach (var d in destinations)
        {
            try
            {
                await CleanAsync(job, d, records, stale, ownNames, removed, now, ct);
            }
            catch (Exception e) when (e is DestinationException or IOException or UnauthorizedAccessException)
            {
                // A destination that cannot be cleaned now (down, or refusing a delete) does not stop the backup: its
                // leftovers wait for the next run, and the run reports the destination if it cannot write there either.
            }
        }

        foreach (var r in stale)
        {
            await s.Catalog.SaveAsync(r with
            {
                Status = BackupStatus.Interrupted,
                FinishedAt = r.FinishedAt ?? now,
                Detail = "the run stopped before it finished (the process was killed or crashed)",
            }, ct);
            await s.Journal.RecordAsync(new BackupInterrupted(job.Name, r.Artifact, removed[r.Id])
            {
                Data = new Dictionary<string, string> { ["job"] = job.Name, ["id"] = r.Id, ["artifact"] = r.Artifact },
            }, ct: ct);
        }
    }

    private async Task CleanAsync(
        BackupJob job, IBackupDestination d, IReadOnlyList<BackupRecord> records, List<BackupRecord> stale, HashSet<string> ownNames,
        Dictionary<string, int> removed, DateTimeOffset now, CancellationToken ct)
    {
        IReadOnlyList<Leftover> leftovers;
        IReadOnlyList<StoredObject> objects;
        try
        {
            leftovers = await s.Retry.RunAsync(c => new ValueTask<IReadOnlyList<Leftover>>(d.ListLeftoversAsync(c)), ct);
            objects = await s.Retry.RunAsync(c => new ValueTask<IReadOnlyList<StoredObject>>(d.ListAsync(c)), ct);
        }
        catch (DestinationException)
        {
            // A destination that cannot be reached now is reported by the run itself; its leftovers wait for the next one.
            return;
        }

        foreach (var l in leftovers.Where(l => ownNames.Contains(l.Name) || now - l.Started > Abandoned))
        {
            await s.Retry.RunAsync(c => new ValueTask(d.RemoveLeftoverAsync(l, c)), ct);
            Count(stale, removed, l.Name);
            await s.Journal.RecordAsync(new BackupLeftoverRemoved(d.Name, l.Name)
            {
                Data = new Dictionary<string, string> { ["job"] = job.Name, ["destination"] = d.Name, ["object"] = l.Name },
            }, ct: ct);
        }

        // What no record vouches for at this destination goes: an artifact whose manifest was never written (a run that
        // died, was stopped or failed first; a commit whose answer was lost), and everything a killed run left, even a
        // manifest it managed to write at one destination before dying at another: its success was never recorded.
        var names = objects.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var r in records)
        {
            var manifest = ArtifactName.ManifestOf(r.Artifact);
            var storedHere = r.Status is not BackupStatus.Running && r.Copies.Any(c => c.Destination == d.Name && c.State == CopyState.Stored);
            var orphan = names.Contains(r.Artifact) && !names.Contains(manifest) && !storedHere;
            var killed = r.Status == BackupStatus.Running && (names.Contains(r.Artifact) || names.Contains(manifest));
            if (!orphan && !killed) continue;
            // The manifest first: an artifact left alone is a leftover the next run finds, a manifest left alone is harmless.
            foreach (var name in new[] { manifest, r.Artifact }.Where(names.Contains))
            {
                await s.Retry.RunAsync(async c => await d.DeleteAsync(name, c), ct);
                if (removed.TryGetValue(r.Id, out var count)) removed[r.Id] = count + 1;
                await s.Journal.RecordAsync(new BackupLeftoverRemoved(d.Name, name)
                {
                    Data = new Dictionary<string, string> { ["job"] = job.Name, ["destination"] = d.Name, ["object"] = name },
                }, ct: ct);
            }
        }
    }

    private static void Count(List<BackupRecord> stale, Dictionary<string, int> removed, string name)
    {
        var owner = stale.FirstOrDefault(r => r.Artifact == name || ArtifactName.ManifestOf(r.Artifact) == name);
        if (owner is not null) removed[owner.Id]++;
    }
}
