using System.Collections.Concurrent;
using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Registries;

namespace Jaga.Engine.Updates.Audit;

/// <summary>One audit of a project's dependencies: asks each package's registry (the ones the user's own configuration
/// names for the manifest's folder), reads the local advisory data, and lets <see cref="UpdatePlanner"/> decide.</summary>
public sealed class DependencyAudit(AuditServices services, LoadedPlan plan)
{
    /// <param name="root">The project root (absolute).</param>
    /// <param name="manifests">The manifests read, relative to the root.</param>
    /// <param name="dependencies">Their declarations.</param>
    /// <param name="progress">Told after each package's answer.</param>
    /// <param name="ct">Stops the questions.</param>
    public async Task<AuditReport> RunAsync(string root, IReadOnlyList<string> manifests, IReadOnlyList<Dependency> dependencies,
        IProgress<AuditProgress>? progress, CancellationToken ct)
    {
        var update = plan.Plan.Update;
        var registries = new Dictionary<(Ecosystem, string), IPackageRegistry>();
        IPackageRegistry RegistryFor(Dependency d)
        {
            var folder = Path.GetDirectoryName(Path.Combine(root, d.Where.Path)) ?? root;
            if (registries.TryGetValue((d.Ecosystem, folder), out var known)) return known;
            var adapter = services.Adapters.Registry(d.Ecosystem)
                ?? throw new InvalidOperationException($"no registry adapter serves {d.Ecosystem}: the composition root misses its registration");
            var context = new RegistryContext(folder, services.Environment, Path.Combine(services.CacheFolder, d.Ecosystem.ToString().ToLowerInvariant()),
                services.Http, update.Concurrency, services.Offline, services.Clock)
            {
                Words = Catalog.For(plan.Plan.Language),
                BaseFolder = plan.Directory,
                FreshFor = services.FreshFor,
            };
            var opened = adapter.Open(context);
            registries[(d.Ecosystem, folder)] = opened;
            return opened;
        }

        // One question per package: the first declaration's folder names the registry (a package declared in several
        // folders with different configurations is asked of the first one's).
        var questions = dependencies
            .GroupBy(d => (d.Ecosystem, d.Name))
            .Select(g => (Key: g.Key, Registry: RegistryFor(g.First())))
            .ToList();
        var answers = new ConcurrentDictionary<(Ecosystem, string), RegistryAnswer>();
        var done = 0;
        progress?.Report(new AuditProgress(0, questions.Count));
        await Parallel.ForEachAsync(questions, new ParallelOptions { MaxDegreeOfParallelism = update.Concurrency * 2, CancellationToken = ct }, async (q, token) =>
        {
            answers[q.Key] = await q.Registry.VersionsAsync(q.Key.Name, token);
            progress?.Report(new AuditProgress(Interlocked.Increment(ref done), questions.Count));
        });

        var used = dependencies.Select(d => d.Ecosystem).Distinct().Order().ToList();
        var imports = await services.Advisories.ImportsAsync(ct);
        var now = services.Clock.GetUtcNow();
        var missing = used.Where(e => imports.All(i => i.Ecosystem != e)).ToList();
        var stale = used.Where(e => imports.Any(i => i.Ecosystem == e && now - i.ImportedAt > update.AdvisoriesMaxAge)).ToList();

        var advisories = new Dictionary<(Ecosystem, string), IReadOnlyList<Advisory>>();
        foreach (var ecosystem in used)
        {
            var names = dependencies.Where(d => d.Ecosystem == ecosystem).Select(d => d.Name).Distinct().ToList();
            var found = await services.Advisories.ForPackagesAsync(ecosystem, names, ct);
            foreach (var name in names)
            {
                advisories[(ecosystem, name)] = [.. found
                    .Where(a => a.Affected.Any(p => p.Ecosystem == ecosystem && PackageNames.Same(ecosystem, p.Name, name)))
                    .Select(a => a with { Affected = [.. a.Affected.Where(p => p.Ecosystem == ecosystem && PackageNames.Same(ecosystem, p.Name, name))] })];
            }
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, plan.Plan.Timezone).DateTime);
        var findings = UpdatePlanner.Assess(new AuditInput(dependencies, answers, advisories, services.Affects, update.Policy, update.Suppress, today));
        var sources = registries.GroupBy(r => r.Key.Item1)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.SelectMany(r => r.Value.Sources).Distinct()]);
        return new AuditReport(manifests, sources, findings, imports, missing, stale,
            [.. update.Suppress.Where(s => today >= s.Expires)], update.FailOn);
    }

    /// <summary>The project root the plan names, which must be a folder.</summary>
    public static string Root(LoadedPlan plan, Catalog words)
    {
        var root = plan.Resolve(plan.Plan.Update.Root);
        return Directory.Exists(root) ? root
            : throw new UserException(words.Format("reason.deps.root", plan.Plan.Update.Root), words["reason.deps.root.hint"]);
    }
}
