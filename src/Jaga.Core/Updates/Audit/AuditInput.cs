using Jaga.Core.Plan;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Registries;
using Jaga.Core.Updates.Versions;

namespace Jaga.Core.Updates.Audit;

/// <summary>Everything one audit decides from: no file, no network, no clock.</summary>
/// <param name="Dependencies">The declarations read from the manifests.</param>
/// <param name="Answers">The registry's answer per (ecosystem, name as declared).</param>
/// <param name="Advisories">The advisories naming each package, per (ecosystem, name as declared).</param>
/// <param name="Affects">Whether one <c>affected[]</c> entry covers a version (OSV's evaluation).</param>
/// <param name="Policy">What to do per kind of update.</param>
/// <param name="Suppressions">The plan's accepted advisories.</param>
/// <param name="Today">Today in the plan's time zone: a suppression expires on its day.</param>
public sealed record AuditInput(
    IReadOnlyList<Dependency> Dependencies,
    IReadOnlyDictionary<(Ecosystem, string), RegistryAnswer> Answers,
    IReadOnlyDictionary<(Ecosystem, string), IReadOnlyList<Advisory>> Advisories,
    Func<AffectedPackage, PackageVersion, bool> Affects,
    UpdatePolicy Policy,
    IReadOnlyList<Suppression> Suppressions,
    DateOnly Today);
