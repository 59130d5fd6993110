using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Engine.Journal;
using Jaga.Engine.Updates.Manifests;
using Jaga.Engine.Updates.Unused;

namespace Jaga.Engine.Updates.Audit;

/// <summary>The plan's project read for an audit (its root, manifests and declarations), and the audit every caller runs on
/// it: <c>jaga deps audit</c>, <c>deps plan</c>, <c>deps update</c> and the daemon's update jobs, so they read the same
/// files, share one registry cache and record the same lines.</summary>
public sealed class ProjectAudit
{
    private readonly LoadedPlan plan;

    private ProjectAudit(LoadedPlan plan, string root, ProjectDependencyList project)
    {
        this.plan = plan;
        Root = root;
        Project = project;
    }

    /// <summary>The project root (absolute).</summary>
    public string Root { get; }

    /// <summary>What its manifests declare.</summary>
    public ProjectDependencyList Project { get; }

    /// <summary>Reads the manifests <c>update.manifests</c> names (or finds them, with <c>auto</c>) under <c>update.root</c>.</summary>
    /// <exception cref="UserException">The root is no folder, no manifest is there, or one cannot be read.</exception>
    public static ProjectAudit Read(LoadedPlan plan, Catalog words)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(words);
        var root = DependencyAudit.Root(plan, words);
        var listed = plan.Plan.Update.Manifests;
        var manifests = listed is ["auto"] ? ManifestDiscovery.Find(root) : ManifestDiscovery.Listed(root, listed, words);
        if (manifests.Count == 0) throw new UserException(words.Format("cli.deps.manifests.none", root), words["cli.deps.manifests.none.hint"]);
        return new ProjectAudit(plan, root, ProjectDependencies.Read(root, manifests, words));
    }

    /// <summary>Where registry answers are cached with their validators: beside the advisory database, so an offline audit
    /// (<c>--offline</c>, the security watch) reads what the last online one fetched.</summary>
    public static string CacheFolder(LoadedPlan plan) =>
        Path.Combine(Path.GetDirectoryName(AdvisoryDatabasePath.For(plan)) ?? plan.Directory, "cache", "registries");

    /// <summary>One audit; its record (the suppressions used, the audit's line) is written to <paramref name="journal"/>.</summary>
    public async Task<AuditReport> RunAsync(AuditServices services, MaintenanceJournal journal, IProgress<AuditProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var report = await new DependencyAudit(services, plan).RunAsync(Root, [.. Project.Manifests.Select(m => m.Path)], Project.Dependencies, progress, ct);
        // Advice next to the findings; it never changes whether the audit passes.
        report = report with { Unused = UnusedDependencies.Find(Root, Project.Dependencies) };
        await RecordAsync(plan, journal, report, ct);
        return report;
    }

    /// <summary>Records an audit as every caller does: its lines in the journal (<see cref="AuditRecord"/>), then this
    /// machine's <see cref="LastAudit"/>.</summary>
    public static async Task RecordAsync(LoadedPlan plan, MaintenanceJournal journal, AuditReport report, CancellationToken ct)
    {
        var line = await AuditRecord.WriteAsync(journal, report, ct);
        await LastAudit.SaveAsync(plan, report, line.Time);
    }
}
