using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Backup;
using Jaga.Core.Journal.Events.Backup;
using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Plan.Values;
using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Jaga.Engine.Backup.Destinations;
using Jaga.Engine.Backup.Pipeline;

namespace Jaga.Engine.Backup;

/// <summary>One run of a backup job: claim (by hand) or run the scheduler's claim, clean up after a killed run, stream the source to every destination, commit,
/// write the manifest last, record the run, then apply retention where the backup succeeded.</summary>
public sealed class BackupRunner(BackupServices s)
{
    /// <summary>Runs the job by hand: first claims it in the scheduler's job runs (<see cref="JobLock"/>), so it never runs
    /// beside a scheduled run of it or another process's; busy (a result without a status) when someone else runs it.</summary>
    public async Task<BackupRunResult> RunAsync(BackupJob job, BackupObserver? observer = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var held = await JobLock.AcquireAsync(s.Journal.Store.Runs, JobId.Backup(job.Name), s.Clock, ct);
        if (held.Run is null)
        {
            var holder = held.Holder is null ? "?" : held.Holder.Node;
            var busy = await s.Journal.RecordAsync(new BackupBusy(job.Name, holder)
            {
                Data = new Dictionary<string, string> { ["job"] = job.Name, ["holder"] = holder },
            }, ct: ct);
            return new BackupRunResult(job.Name, null, null, busy.Line) { Message = busy.Message };
        }
        try
        {
            var result = await TrackedAsync(job, () => RunHeldAsync(job, observer, held.Lost, ct), ct);
            held.End(result.Succeeded ? RunOutcome.Succeeded : result.Status == BackupStatus.TimedOut ? RunOutcome.TimedOut : RunOutcome.Failed, result.Summary);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            held.End(RunOutcome.Failed, e.Message);
            throw;
        }
    }

    /// <summary>Timers take at most about 49 days; a longer timeout is, in practice, none.</summary>
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(40);

    /// <summary>Runs the job for the scheduler, which has claimed it and renews the claim; <paramref name="ct"/> is cancelled
    /// when the claim is lost, as for every scheduled job.</summary>
    public Task<BackupRunResult> RunClaimedAsync(BackupJob job, CancellationToken ct) => TrackedAsync(job, () => RunHeldAsync(job, null, CancellationToken.None, ct), ct);

    /// <summary>A run, and its job's incident: a failed run (one that timed out or reached only some destinations too) opens it
    /// or adds to it, a complete one closes it. A run stopped by shutdown says nothing about the job.</summary>
    private async Task<BackupRunResult> TrackedAsync(BackupJob job, Func<Task<BackupRunResult>> run, CancellationToken ct)
    {
        if (s.Incidents is not { } incidents) return await run();
        BackupRunResult result;
        try
        {
            result = await run();
        }
        catch (Exception e) when (e is BackupSourceException or DestinationException or Core.Errors.UserException)
        {
            await incidents.BackupFailedAsync(job.Name, Reasons.Of(e), ct);
            throw;
        }
        if (result.Succeeded) await incidents.BackupSucceededAsync(job.Name, result.Record?.Artifact ?? result.Summary, ct);
        else if (result.Status is { } status && status != BackupStatus.Interrupted) await incidents.BackupFailedAsync(job.Name, result.Record?.Detail ?? result.Summary, ct);
        return result;
    }

    private async Task<BackupRunResult> RunHeldAsync(BackupJob job, BackupObserver? observer, CancellationToken lost, CancellationToken ct)
    {
        // A destination that cannot even be set up (a malformed fingerprint, half the S3 keys) fails alone, as one that is down.
        var destinations = job.To.Select(Open).ToList();
        IBackupSource source;
        BackupEncryption? encryption;
        try
        {
            // Set up before anything is written: a source that cannot be, or a key that is missing, fails the run cleanly.
            source = s.Connectors.Source(job);
            encryption = s.Connectors.Encryption(job);
        }
        catch (Exception e) when (e is DestinationException or BackupSourceException or Core.Errors.UserException)
        {
            foreach (var d in destinations) await d.DisposeAsync();
            var failed = await s.Journal.RecordAsync(new BackupFailed(job.Name, Reasons.Of(e)) { Data = new Dictionary<string, string> { ["job"] = job.Name } }, ct: ct);
            return new BackupRunResult(job.Name, BackupStatus.Failed, null, failed.Line) { Message = failed.Message };
        }
        // Losing the lease (the store unreachable for longer than it lasts, or taken over) stops the run: another may start.
        // The job's timeout is kept here, for a run by hand and a scheduled one alike (the scheduler's own limit is a
        // backstop a little later), so a run stopped at its timeout is recorded as timed out everywhere.
        using var limit = new CancellationTokenSource(job.Timeout < MaxTimeout ? job.Timeout : MaxTimeout, s.Clock);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(ct, lost, limit.Token);
        bool TimedOut() => limit.IsCancellationRequested && !ct.IsCancellationRequested && !lost.IsCancellationRequested;
        try
        {
            await new LeftoverSweep(s).CleanUpAsync(job, destinations, run.Token);
            var result = await RunLockedAsync(job, source, encryption, destinations, observer, TimedOut, run.Token);
            // Retention only after a backup that reached every destination: a partial run deletes nothing anywhere.
            if (result.Record is { Status: BackupStatus.Complete } record && job.Keep is not null)
            {
                var retention = new RetentionRun(s);
                foreach (var copy in record.Copies.Where(c => c.State == CopyState.Stored))
                    await retention.ApplyAsync(job, copy.Destination, ct);
            }
            return result;
        }
        finally
        {
            foreach (var d in destinations) await d.DisposeAsync();
        }
    }

    private IBackupDestination Open(string name)
    {
        try
        {
            return s.Connectors.Destination(name);
        }
        catch (Exception e) when (e is DestinationException or Core.Errors.UserException)
        {
            return new BrokenDestination(name, Reasons.Of(e));
        }
    }

    private async Task<BackupRunResult> RunLockedAsync(
        BackupJob job, IBackupSource source, BackupEncryption? encryption, IReadOnlyList<IBackupDestination> destinations, BackupObserver? observer,
        Func<bool> timedOut, CancellationToken ct)
    {
        var started = s.Clock.GetUtcNow();
        var extension = ArtifactName.Extension(source.Extension, job.Compress, encryption is not null);
        var taken = await TakenNamesAsync(destinations, ct);
        var name = ArtifactName.Choose(job.File, job.Name, extension, started, s.Plan.Plan.Timezone, taken.Contains);
        var record = new BackupRecord(await NewIdAsync(ct), job.Name, name, EnumWord.Of(source.Kind), BackupStatus.Running, started, null, 0, null, [], null, null, null, null);
        // Recorded before anything is written: if this process dies, the next run knows what to clean up.
        await s.Catalog.SaveAsync(record, ct);
        observer?.Note?.Invoke(name);

        var writers = destinations.Select(d => new DestinationWriter(d)).ToList();
        try
        {
            await Task.WhenAll(writers.Select(w => BeginAsync(w, name, ct)));
            PipelineResult produced;
            var prepared = Task.CompletedTask;
            try
            {
                if (!writers.Any(w => w.Live)) return await FailedAsync(job, record, Failures(writers), ct);
                // The manifest's serializer is made ready while the source streams (part of the fixed cost, docs/benchmarks.md).
                prepared = Task.Run(ManifestJson.Prepare, CancellationToken.None);
                produced = await BackupPipeline.RunAsync(source, writers, job.Compress, encryption, observer?.Read, observer?.Stored, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                foreach (var w in writers) await w.FailAsync(Reasons.Of(e));
                return await FailedAsync(job, record, e is IOException && !writers.Any(w => w.Live) ? Failures(writers) : Reasons.Of(e), ct);
            }
            finally
            {
                // Owned: a run never returns with it still going.
                await prepared;
            }

            await Task.WhenAll(writers.Where(w => w.Live).Select(w => CommitAsync(w, ct)));
            var manifest = Manifest(job, record, source, encryption, produced);
            var json = ManifestJson.Write(manifest);
            await Task.WhenAll(writers.Where(w => w.Live).Select(w => WriteManifestAsync(w, name, json, ct)));

            var copies = writers.Select(w => new BackupCopy(w.Destination.Name, w.Live ? CopyState.Stored : CopyState.Failed, w.Failure, null)).ToList();
            var stored = copies.Where(c => c.State == CopyState.Stored).ToList();
            var status = stored.Count == copies.Count ? BackupStatus.Complete : stored.Count > 0 ? BackupStatus.Partial : BackupStatus.Failed;
            record = record with
            {
                Status = status,
                FinishedAt = manifest.Finished,
                Size = produced.Size,
                Sha256 = produced.Sha256,
                Copies = copies,
                Detail = status == BackupStatus.Complete ? null : Failures(writers),
                Manifest = status == BackupStatus.Failed ? null : json,
            };
            // Success is recorded last, once every manifest is written.
            await s.Catalog.SaveAsync(record, ct);
            return await ReportAsync(job, record, stored, writers, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            foreach (var w in writers) await w.FailAsync("interrupted");
            // Stopped after a commit: the run is not a backup, so what it committed goes. A manifest already written goes
            // first: an artifact left without one is removed by the next run's sweep, a manifest left alone would not be.
            foreach (var w in writers.Where(w => w.Committed))
            {
                await TryDeleteAsync(w.Destination, ArtifactName.ManifestOf(name));
                await TryDeleteAsync(w.Destination, name);
            }
            if (timedOut())
            {
                // One word for it everywhere: the catalog, the log, the job's runs.
                var after = DurationValue.Format(job.Timeout);
                record = record with { Status = BackupStatus.TimedOut, FinishedAt = s.Clock.GetUtcNow(), Detail = $"timed out after {after}" };
                await s.Catalog.SaveAsync(record, CancellationToken.None);
                var line = await s.Journal.RecordAsync(new BackupTimedOut(job.Name, record.Artifact, after) { Data = Data(job, record) }, ct: CancellationToken.None);
                return new BackupRunResult(job.Name, BackupStatus.TimedOut, record, line.Line) { TimedOutAfter = job.Timeout, Message = line.Message };
            }
            record = record with { Status = BackupStatus.Interrupted, FinishedAt = s.Clock.GetUtcNow(), Detail = "interrupted before it finished" };
            await s.Catalog.SaveAsync(record, CancellationToken.None);
            await s.Journal.RecordAsync(new BackupStopped(job.Name, record.Artifact) { Data = Data(job, record) }, ct: CancellationToken.None);
            throw;
        }
        finally
        {
            foreach (var w in writers) await w.DisposeAsync();
        }
    }

    private async Task BeginAsync(DestinationWriter w, string name, CancellationToken ct)
    {
        try
        {
            w.Upload = await s.Retry.RunAsync(async c => await w.Destination.BeginAsync(name, c), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await w.FailAsync(Reasons.Of(e));
        }
    }

    private async Task CommitAsync(DestinationWriter w, CancellationToken ct)
    {
        try
        {
            // Not retried: a commit that failed half-way cannot be repeated on the same upload; the next run cleans up.
            await w.Upload!.CommitAsync(ct);
            w.Committed = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await w.FailAsync(Reasons.Of(e));
        }
    }

    /// <summary>The manifest, written last: until it exists, the artifact is not a backup.</summary>
    private async Task WriteManifestAsync(DestinationWriter w, string artifact, string json, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        try
        {
            await s.Retry.RunAsync(async c =>
            {
                await using var upload = await w.Destination.BeginAsync(ArtifactName.ManifestOf(artifact), c);
                await upload.WriteAsync(bytes, c);
                await upload.CommitAsync(c);
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await w.FailAsync(Reasons.Of(e));
            await TryDeleteAsync(w.Destination, artifact);
        }
    }

    private static async Task TryDeleteAsync(IBackupDestination destination, string objectName)
    {
        try
        {
            await destination.DeleteAsync(objectName, CancellationToken.None);
        }
        catch (Exception)
        {
            // Left for the next run's clean-up: without a manifest it is never taken for a backup.
        }
    }

    private BackupManifest Manifest(BackupJob job, BackupRecord record, IBackupSource source, BackupEncryption? encryption, PipelineResult produced) => new(
        BackupManifest.CurrentFormat, record.Id, job.Name, record.Artifact,
        new ManifestSource(source.Kind, produced.Snapshot.ServerVersion, source.Kind == SourceKind.Postgres ? job.Format : null),
        produced.Snapshot.Tools, record.StartedAt, s.Clock.GetUtcNow(), produced.Size, produced.Sha256, job.Compress,
        encryption is null ? null : new ManifestEncryption(ManifestEncryption.Age, encryption.Passphrase is null ? encryption.Recipients : [], encryption.Passphrase is not null, encryption.Armor),
        produced.Snapshot.Tables, JagaVersion.Current);

    private async Task<BackupRunResult> ReportAsync(BackupJob job, BackupRecord record, List<BackupCopy> stored, List<DestinationWriter> writers, CancellationToken ct)
    {
        var where = string.Join(", ", stored.Select(c => s.Connectors.Display(c.Destination, record.Artifact)));
        AuditEntry entry = record.Status switch
        {
            BackupStatus.Complete => await s.Journal.RecordAsync(job.Source is FileSet ? new FilesBackupFinished(where) { Data = Data(job, record) } : new DatabaseBackupFinished(where) { Data = Data(job, record) }, ct: ct),
            BackupStatus.Partial => await s.Journal.RecordAsync(new BackupPartial(job.Name, where, Failures(writers)) { Data = Data(job, record) }, ct: ct),
            _ => await s.Journal.RecordAsync(new BackupFailed(job.Name, Failures(writers)) { Data = Data(job, record) }, ct: ct),
        };
        return new BackupRunResult(job.Name, record.Status, record, entry.Line) { Message = entry.Message };
    }

    private async Task<BackupRunResult> FailedAsync(BackupJob job, BackupRecord record, string reason, CancellationToken ct)
    {
        record = record with { Status = BackupStatus.Failed, FinishedAt = s.Clock.GetUtcNow(), Detail = reason };
        await s.Catalog.SaveAsync(record, ct);
        var entry = await s.Journal.RecordAsync(new BackupFailed(job.Name, reason) { Data = Data(job, record) }, ct: ct);
        return new BackupRunResult(job.Name, BackupStatus.Failed, record, entry.Line) { Message = entry.Message };
    }

    private static Dictionary<string, string> Data(BackupJob job, BackupRecord r)
    {
        var data = new Dictionary<string, string> { ["job"] = job.Name, ["id"] = r.Id, ["artifact"] = r.Artifact, ["status"] = r.Status.ToString().ToLowerInvariant() };
        if (r.Sha256 is not null) data["sha256"] = r.Sha256;
        if (r.Status != BackupStatus.Failed && r.Size > 0) data["size"] = r.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (r.Copies.Count > 0) data["destinations"] = string.Join(",", r.Copies.Where(c => c.State == CopyState.Stored).Select(c => c.Destination));
        return data;
    }

    private static string Failures(IEnumerable<DestinationWriter> writers) =>
        string.Join("; ", writers.Where(w => w.Failure is not null).Select(w => $"{w.Destination.Name}: {w.Failure}"));

    /// <summary>Every name in use: in the catalog (any job: jobs may share a destination) and at each reachable destination.</summary>
    private async Task<HashSet<string>> TakenNamesAsync(IReadOnlyList<IBackupDestination> destinations, CancellationToken ct)
    {
        var taken = (await s.Catalog.ListAsync(null, ct)).Select(r => r.Artifact).ToHashSet(StringComparer.Ordinal);
        foreach (var d in destinations)
        {
            try
            {
                foreach (var o in await d.ListAsync(ct)) taken.Add(o.Name);
                foreach (var l in await d.ListLeftoversAsync(ct)) taken.Add(l.Name);
            }
            catch (DestinationException)
            {
                // Unreachable now: its begin will fail and say so.
            }
        }
        return taken;
    }

    private async Task<string> NewIdAsync(CancellationToken ct)
    {
        while (true)
        {
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            if (await s.Catalog.FindAsync(id, ct) is null) return id;
        }
    }
}
