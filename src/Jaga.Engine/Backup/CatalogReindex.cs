using Jaga.Core.Plan.Schema;
using System.Text;
using Jaga.Core.Backup;
using Jaga.Core.Journal.Events.Backup;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup;

/// <summary><c>jaga backup reindex</c>: rebuilds the catalog from the manifests at the destinations, so that losing the
/// state store loses no backup. What it knew about verification is kept; records whose copies are gone are removed
/// (never while a destination cannot be reached: absence there proves nothing).</summary>
public sealed class CatalogReindex(BackupServices s)
{
    private const int MaxManifestBytes = 4 * 1024 * 1024;

    public async Task<ReindexOutcome> RunAsync(CancellationToken ct = default)
    {
        var found = new Dictionary<string, (BackupManifest Manifest, string Json, List<BackupCopy> Copies)>(StringComparer.Ordinal);
        var unreachable = new Dictionary<string, string>(StringComparer.Ordinal);
        var skipped = new List<string>();
        // Only where a job writes: an unused destination (an offsite store not set up yet) holds none of this plan's
        // backups, and an unreachable one would cost its retries and fail the reindex of the others.
        var used = s.Plan.Plan.Backup.SelectMany(j => j.To).ToHashSet(StringComparer.Ordinal);
        var unused = s.Plan.Plan.Destinations.Keys.Where(n => !used.Contains(n)).Order(StringComparer.Ordinal).ToList();
        foreach (var name in s.Plan.Plan.Destinations.Keys.Where(used.Contains))
        {
            await using var d = s.Connectors.Destination(name);
            IReadOnlyList<StoredObject> objects;
            try
            {
                objects = await s.Retry.RunAsync(async c => await d.ListAsync(c), ct);
            }
            catch (DestinationException e)
            {
                unreachable[name] = e.Message;
                continue;
            }
            var sizes = objects.ToDictionary(o => o.Name, o => o.Size, StringComparer.Ordinal);
            foreach (var o in objects)
            {
                if (ArtifactName.ArtifactOf(o.Name) is not { } artifact || !sizes.TryGetValue(artifact, out var size)) continue;
                var (manifest, json, problem) = await ReadManifestAsync(d, o, ct);
                if (manifest is null || manifest.Artifact != artifact)
                {
                    skipped.Add($"{name}/{o.Name}: {problem ?? "it names another artifact"}");
                    continue;
                }
                var copy = size == manifest.Size
                    ? new BackupCopy(name, CopyState.Stored, null, null)
                    : new BackupCopy(name, CopyState.Corrupt, $"size {size} bytes, the manifest says {manifest.Size}", null);
                if (!found.TryGetValue(manifest.Id, out var seen)) found[manifest.Id] = seen = (manifest, json!, []);
                seen.Copies.Add(copy);
            }
        }

        var existing = (await s.Catalog.ListAsync(null, ct)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var (id, (m, json, copies)) in found)
        {
            existing.TryGetValue(id, out var known);
            var merged = copies.Select(c => known?.Copies.FirstOrDefault(k => k.Destination == c.Destination) is { } k && c.State == CopyState.Stored
                    ? c with { VerifiedAt = k.VerifiedAt, State = k.State == CopyState.Corrupt ? CopyState.Corrupt : c.State, Detail = k.Detail }
                    : c)
                .Concat(known?.Copies.Where(k => unreachable.ContainsKey(k.Destination) && copies.All(c => c.Destination != k.Destination)) ?? [])
                .ToList();
            var job = s.Plan.Plan.Backup.FirstOrDefault(j => j.Name == m.Job);
            var complete = job is null || job.To.All(t => merged.Any(c => c.Destination == t && c.State == CopyState.Stored));
            await s.Catalog.SaveAsync(new BackupRecord(id, m.Job, m.Artifact, EnumWord.Of(m.Source.Kind), complete ? BackupStatus.Complete : BackupStatus.Partial,
                m.Started, m.Finished, m.Size, m.Sha256, merged, known?.VerifiedAt, known?.VerifyResult, known?.Detail, json), ct);
        }

        var removed = 0;
        foreach (var r in existing.Values.Where(r => r.Status is BackupStatus.Complete or BackupStatus.Partial && !found.ContainsKey(r.Id)))
        {
            if (r.Copies.Any(c => unreachable.ContainsKey(c.Destination))) continue;
            await s.Catalog.DeleteAsync(r.Id, ct);
            removed++;
        }

        var data = new Dictionary<string, string> { ["found"] = found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["removed"] = removed.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (unreachable.Count > 0) data["unreachable"] = string.Join("; ", unreachable.Select(p => $"{p.Key}: {p.Value}"));
        var entry = await s.Journal.RecordAsync(new BackupCatalogRebuilt(found.Count, removed, Unreachable: unreachable.Count > 0) { Data = data }, ct: ct);
        return new ReindexOutcome(found.Count, removed, unreachable, skipped, entry.Line) { Unused = unused };
    }

    private async Task<(BackupManifest? Manifest, string? Json, string? Problem)> ReadManifestAsync(IBackupDestination d, StoredObject o, CancellationToken ct)
    {
        if (o.Size > MaxManifestBytes) return (null, null, "too large for a manifest");
        try
        {
            await using var stream = await s.Retry.RunAsync(async c => await d.OpenReadAsync(o.Name, c), ct);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var json = await reader.ReadToEndAsync(ct);
            var manifest = ManifestJson.TryRead(json, out var problem);
            return (manifest, json, problem);
        }
        catch (DestinationException e)
        {
            return (null, null, e.Message);
        }
    }
}

/// <summary>What reindex found: backups, records removed, destinations it could not reach, manifests it could not use.</summary>
public sealed record ReindexOutcome(int Found, int Removed, IReadOnlyDictionary<string, string> Unreachable, IReadOnlyList<string> Skipped, string Line)
{
    /// <summary>Destinations no job writes to: not read.</summary>
    public IReadOnlyList<string> Unused { get; init; } = [];
}
