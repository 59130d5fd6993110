using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Versions;

namespace Jaga.Core.Updates.Audit;

/// <summary>What the audit found for one declared dependency, and what the policy does about it.</summary>
/// <param name="Dependency">The declaration.</param>
/// <param name="Current">The version in use; null when the registry gave no answer or no version fits.</param>
/// <param name="CurrentFromRange">No lock file or pin says which version is in use: <paramref name="Current"/> is the
/// highest published version the requirement admits, the one a fresh install would take.</param>
/// <param name="Latest">The highest stable version published (a pre-release only when the current one is).</param>
/// <param name="Target">The version the decision moves to; null when up to date or without data.</param>
/// <param name="TargetKind">Patch, minor or major, from <paramref name="Current"/> to <paramref name="Target"/>.</param>
/// <param name="Decision">Apply, wait for review, leave to a person, or nothing to do.</param>
/// <param name="Security">The decision is a security fix: an advisory affects the current version.</param>
/// <param name="Advisories">The advisories that affect the current version, suppressed ones included and marked.</param>
/// <param name="Problem">Why there is no decision; null when there is one.</param>
/// <param name="ProblemDetail">The registry's own words for a failure, credentials removed.</param>
public sealed record Finding(
    Dependency Dependency,
    string? Current,
    bool CurrentFromRange,
    string? Latest,
    string? Target,
    UpdateKind? TargetKind,
    Decision Decision,
    bool Security,
    IReadOnlyList<AdvisoryHit> Advisories,
    FindingProblem? Problem = null,
    string? ProblemDetail = null)
{
    /// <summary>The advisories no suppression covers.</summary>
    public IEnumerable<AdvisoryHit> Active => Advisories.Where(a => a.SuppressedBy is null);

    /// <summary>The update, when the decision has a target.</summary>
    public PlannedUpdate? Update => Target is null || Current is null || TargetKind is null ? null
        : new PlannedUpdate(Dependency, Current, Target, TargetKind.Value, Security);
}

/// <summary>One advisory that affects a dependency's current version.</summary>
/// <param name="Id">The advisory's OSV id.</param>
/// <param name="Aliases">Its other ids (CVE-…).</param>
/// <param name="Severity">How bad, by the advisory.</param>
/// <param name="Summary">Its one line.</param>
/// <param name="FixedIn">The lowest published version above the current one that this advisory does not affect; null
/// when none is published yet.</param>
/// <param name="SuppressedBy">The plan's suppression that covers it today; null when it counts.</param>
public sealed record AdvisoryHit(string Id, IReadOnlyList<string> Aliases, Severity Severity, string Summary, string? FixedIn, Plan.Suppression? SuppressedBy);

/// <summary>What the policy does with a dependency.</summary>
public enum Decision
{
    /// <summary>The current version is the latest the audit may propose, and no advisory counts.</summary>
    UpToDate,

    /// <summary><c>jaga deps update --apply</c> applies it (policy auto or immediate).</summary>
    Apply,

    /// <summary>Waits for a person to say yes: applied only when named with <c>--only</c>.</summary>
    Review,

    /// <summary>Left to a person to make by hand (policy manual, or a vulnerability with no fix published).</summary>
    Manual,

    /// <summary>No decision: the registry gave no answer, or the version in use cannot be known.</summary>
    Unknown,
}

/// <summary>Why a finding has no decision.</summary>
public enum FindingProblem
{
    /// <summary>The registry was unreachable or refused: the audit has no data for the package.</summary>
    RegistryFailed,

    /// <summary>No registry the configuration names has the package.</summary>
    NotFound,

    /// <summary>The requirement cannot be read by the ecosystem's rules.</summary>
    BadRequirement,

    /// <summary>No published version fits the requirement, and no lock file or pin names one.</summary>
    VersionUnknown,
}
