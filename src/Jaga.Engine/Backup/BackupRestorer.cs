using System.Diagnostics;
using System.Globalization;
using Jaga.Core.Backup;
using Jaga.Core.Journal.Events.Backup;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup;

/// <summary><c>jaga backup restore</c>: picks a good copy (local destinations first), proves its checksum, then streams it
/// decrypted and decompressed into the target. The caller shows what would be overwritten and asks first.</summary>
public sealed class BackupRestorer(BackupServices s)
{
    public static BackupManifest ManifestOf(BackupRecord record) =>
        (record.Manifest is null ? null : ManifestJson.TryRead(record.Manifest, out _))
        ?? throw new Core.Errors.UserException($"backup {record.Id} ({record.Artifact}) has no manifest: it never completed, so it cannot be restored");

    public IRestoreTarget Target(BackupRecord record, string into, bool replace = false) => s.Connectors.Target(ManifestOf(record), into, replace);

    /// <summary>The copies a restore tries, in order: good copies first, local ones before remote; a copy once found corrupt
    /// is tried last (its checksum decides). Only copies at destinations the plan still names.</summary>
    internal static IReadOnlyList<BackupCopy> Candidates(BackupServices s, BackupRecord record) =>
        [.. record.Copies
            .Where(c => c.State is CopyState.Stored or CopyState.Corrupt && s.Plan.Plan.Destinations.ContainsKey(c.Destination))
            .OrderBy(c => c.State == CopyState.Corrupt ? 1 : 0)
            .ThenBy(c => s.Plan.Plan.Destinations[c.Destination] is LocalFolder ? 0 : 1)];

    public async Task<RestoreOutcome> RestoreAsync(BackupRecord record, IRestoreTarget target, BackupObserver? observer = null, CancellationToken ct = default)
    {
        var manifest = ManifestOf(record);
        var job = s.Plan.Plan.Backup.FirstOrDefault(j => j.Name == record.Job);
        var problems = new List<string>();
        var candidates = Candidates(s, record);
        foreach (var copy in candidates)
        {
            await using var d = s.Connectors.Destination(copy.Destination);
            observer?.Note?.Invoke($"checking {copy.Destination}");
            if (await ArtifactReader.ChecksumAsync(s, d, manifest, observer?.Read, ct) is { } bad)
            {
                problems.Add($"{copy.Destination}: {bad}");
                continue;
            }
            observer?.Note?.Invoke($"restoring from {copy.Destination}");
            var started = Stopwatch.GetTimestamp();
            var problem = (await ArtifactReader.ReadAsync(s, d, manifest, job, (plain, c) => target.RestoreAsync(plain, c), observer?.Read, ct)).Problem;
            var took = Stopwatch.GetElapsedTime(started);
            var data = new Dictionary<string, string>
            {
                ["job"] = record.Job,
                ["id"] = record.Id,
                ["artifact"] = record.Artifact,
                ["from"] = copy.Destination,
                ["into"] = target.Description,
                ["seconds"] = took.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),
            };
            if (problem is not null)
            {
                var failed = await s.Journal.RecordAsync(new BackupRestoreFailed(record.Artifact, target.Description, problem) { Data = data }, ct: ct);
                return new RestoreOutcome(false, copy.Destination, took, failed.Line) { Message = failed.Message };
            }
            var entry = await s.Journal.RecordAsync(new BackupRestored(record.Artifact, target.Description, took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s") { Data = data }, ct: ct);
            return new RestoreOutcome(true, copy.Destination, took, entry.Line) { Message = entry.Message };
        }
        var reason = problems.Count > 0 ? string.Join("; ", problems) : "no stored copy of it is at a destination in the plan";
        var none = await s.Journal.RecordAsync(new BackupRestoreFailed(record.Artifact, target.Description, reason)
        {
            Data = new Dictionary<string, string> { ["job"] = record.Job, ["id"] = record.Id, ["artifact"] = record.Artifact },
        }, ct: ct);
        return new RestoreOutcome(false, null, TimeSpan.Zero, none.Line) { Message = none.Message };
    }
}

/// <summary>How a restore ended, from which destination, and how long it took.</summary>
public sealed record RestoreOutcome(bool Ok, string? From, TimeSpan Duration, string Line)
{
    /// <summary>The maintenance-log line's message, without its time and level (what a runbook step ends with).</summary>
    public string Message { get; init; } = Line;
}
