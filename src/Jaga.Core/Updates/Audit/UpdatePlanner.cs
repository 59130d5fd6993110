using Jaga.Core.Plan;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Registries;
using Jaga.Core.Updates.Versions;

namespace Jaga.Core.Updates.Audit;

/// <summary>Decides, per dependency, the version in use, the latest, the advisories that affect it and what the policy
/// does: the one place the update policy is read.</summary>
public static class UpdatePlanner
{
    public static IReadOnlyList<Finding> Assess(AuditInput input) =>
        [.. input.Dependencies.Select(d => Assess(d, input))];

    private static Finding Assess(Dependency dep, AuditInput input)
    {
        var scheme = VersionScheme.For(dep.Ecosystem);
        var answer = input.Answers.GetValueOrDefault((dep.Ecosystem, dep.Name));
        switch (answer)
        {
            case null:
                throw new InvalidOperationException($"no registry answer for {dep.Ecosystem} {dep.Name}");
            case RegistryAnswer.Failed failed:
                // Adapters often name the source in their message already: say it once.
                return NoDecision(dep, FindingProblem.RegistryFailed,
                    failed.Message.Contains(failed.Source, StringComparison.Ordinal) ? failed.Message : $"{failed.Source}: {failed.Message}");
            case RegistryAnswer.NotFound notFound:
                return NoDecision(dep, FindingProblem.NotFound, notFound.Source);
        }

        var published = ((RegistryAnswer.Found)answer).Versions
            .Select(p => (Ok: scheme.TryParseVersion(p.Version, out var v), Version: v, p.Withdrawn))
            .Where(p => p.Ok)
            .Select(p => (Version: p.Version!, p.Withdrawn))
            .ToList();

        var fromRange = false;
        PackageVersion? current = null;
        if (dep.Resolved is not null && scheme.TryParseVersion(dep.Resolved, out var resolved)) current = resolved;
        else if (!scheme.TryParseRange(dep.Requirement, out var range)) return NoDecision(dep, FindingProblem.BadRequirement, dep.Requirement);
        else
        {
            fromRange = true;
            // What a fresh install takes: the highest version the range admits, stable unless nothing stable fits.
            var fits = published.Where(p => !p.Withdrawn && range.Contains(p.Version)).Select(p => p.Version).ToList();
            current = fits.Where(v => !v.IsPrerelease).DefaultIfEmpty().Max() ?? fits.DefaultIfEmpty().Max();
            if (current is null) return NoDecision(dep, FindingProblem.VersionUnknown, dep.Requirement);
        }

        // Never a pre-release unless the current version is one; never a withdrawn (unlisted, deprecated, yanked) one.
        var candidates = published
            .Where(p => !p.Withdrawn && (!p.Version.IsPrerelease || current.IsPrerelease) && p.Version > current)
            .Select(p => p.Version).Distinct().Order().ToList();
        var latest = candidates.Count > 0 ? candidates[^1] : current;

        var advisories = input.Advisories.GetValueOrDefault((dep.Ecosystem, dep.Name)) ?? [];
        bool Affected(Advisory a, PackageVersion v) => a.Affected.Any(p => input.Affects(p, v));
        var hits = advisories.Where(a => Affected(a, current))
            .Select(a => new AdvisoryHit(a.Id, a.Aliases, a.Severity, a.Summary,
                candidates.FirstOrDefault(c => !Affected(a, c))?.Text, Covering(a, dep, input)))
            .OrderByDescending(h => h.Severity).ThenBy(h => h.Id, StringComparer.Ordinal)
            .ToList();
        var counting = advisories.Where(a => Covering(a, dep, input) is null).ToList();
        bool Safe(PackageVersion v) => !counting.Any(a => Affected(a, v));

        UpdateAction ActionFor(PackageVersion to) => UpdateKinds.Between(current, to) switch
        {
            UpdateKind.Patch => input.Policy.Patch,
            UpdateKind.Minor => input.Policy.Minor,
            UpdateKind.Major => input.Policy.Major,
        };
        Finding Decide(PackageVersion? target, Decision decision, bool security) => new(dep, current.Text, fromRange, latest.Text,
            target?.Text, target is null ? null : UpdateKinds.Between(current, target), decision, security, hits);

        // An update the policy applies by itself, the highest one that brings no counted advisory.
        var automatic = candidates.Where(c => Applies(ActionFor(c)) && Safe(c)).DefaultIfEmpty().Max();

        if (hits.Any(h => h.SuppressedBy is null))
        {
            var fix = candidates.FirstOrDefault(Safe);
            if (fix is null) return Decide(null, Decision.Manual, security: true);
            return input.Policy.Security switch
            {
                UpdateAction.Immediate or UpdateAction.Auto => Decide(automatic is not null && automatic > fix ? automatic : fix, Decision.Apply, security: true),
                UpdateAction.Review => Decide(fix, Decision.Review, security: true),
                UpdateAction.Manual => Decide(fix, Decision.Manual, security: true),
            };
        }

        if (automatic is not null) return Decide(automatic, Decision.Apply, security: false);
        var reviewed = candidates.Where(c => ActionFor(c) == UpdateAction.Review && Safe(c)).DefaultIfEmpty().Max();
        if (reviewed is not null) return Decide(reviewed, Decision.Review, security: false);
        return candidates.Count == 0 ? Decide(null, Decision.UpToDate, security: false) : Decide(latest, Decision.Manual, security: false);
    }

    private static bool Applies(UpdateAction action) => action is UpdateAction.Immediate or UpdateAction.Auto;

    /// <summary>The plan's suppression that covers an advisory for a dependency today: by id or alias, for every package
    /// or this one; it stops on its expiry day.</summary>
    private static Suppression? Covering(Advisory advisory, Dependency dep, AuditInput input) =>
        input.Suppressions.FirstOrDefault(s =>
            input.Today < s.Expires
            && (s.Advisory.Equals(advisory.Id, StringComparison.OrdinalIgnoreCase) || advisory.Aliases.Any(a => a.Equals(s.Advisory, StringComparison.OrdinalIgnoreCase)))
            && (s.Package is null || PackageNames.Same(dep.Ecosystem, s.Package, dep.Name)));

    private static Finding NoDecision(Dependency dep, FindingProblem problem, string detail) =>
        new(dep, dep.Resolved, false, null, null, null, Decision.Unknown, false, [], problem, detail);
}
