using Jaga.Core.Readiness;

namespace Jaga.Engine.Readiness;

/// <summary>The seed's migration checklist with evidence a machine can gather: each of the seven points from git, the files,
/// the state store (audits, backups, nodes, changes), the secrets scan and a probe of the application's URL, with the
/// acknowledgements people gave for what only they can judge.</summary>
public static class ReadinessChecklist
{
    public static async Task<ChecklistReport> GatherAsync(ReadinessInputs inputs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var git = await GitRepository.FindAsync(inputs.Plan.Directory, ct);
        var root = git?.Root ?? inputs.Plan.Directory;
        var secrets = await SecretsEvidence.ScanAsync(inputs.Secrets, root, ct);
        var acks = (await inputs.Store.Checklist.LatestAsync(ct)).ToDictionary(a => a.Item, StringComparer.Ordinal);
        var optional = inputs.Plan.Plan.Checklist.Optional;
        var points = new List<PointResult>();
        foreach (var point in Enum.GetValues<ReadinessPoint>())
        {
            var evidence = point switch
            {
                ReadinessPoint.Configuration => await ConfigurationEvidence.GatherAsync(inputs, git, secrets, ct),
                ReadinessPoint.Folders => await FolderEvidence.GatherAsync(inputs, git, ct),
                ReadinessPoint.Dependencies => await DependencyEvidence.GatherAsync(inputs, ct),
                ReadinessPoint.Ci => CiEvidence.Gather(root),
                ReadinessPoint.Security => await SecurityEvidence.GatherAsync(inputs, secrets, ct),
                ReadinessPoint.Documentation => await DocumentationEvidence.GatherAsync(inputs, git, ct),
                ReadinessPoint.Backup => await BackupEvidence.GatherAsync(inputs, ct),
                _ => throw new ArgumentOutOfRangeException(nameof(inputs), point, "a readiness point without evidence"),
            };
            var name = ReadinessPoints.Name(point);
            points.Add(new PointResult(point, evidence, ReadinessPoints.NeedsAck(point), acks.GetValueOrDefault(name), !optional.Contains(name)));
        }
        return new ChecklistReport(points);
    }
}
