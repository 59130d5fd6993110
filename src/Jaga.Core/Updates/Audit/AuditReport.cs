using Jaga.Core.Plan;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Unused;

namespace Jaga.Core.Updates.Audit;

/// <summary>One audit: what was read, asked and found, and whether it passes.</summary>
/// <param name="Manifests">The manifests read, relative to the project root.</param>
/// <param name="Sources">The registries asked per ecosystem, credentials removed.</param>
/// <param name="Findings">One per declared dependency.</param>
/// <param name="Imports">The advisory data's imports (when, from where, how many).</param>
/// <param name="AdvisoriesMissing">Ecosystems the project uses whose advisory data was never imported: the audit has no
/// vulnerability data for them and cannot pass.</param>
/// <param name="AdvisoriesStale">Ecosystems whose advisory data is older than <c>update.advisories_max_age</c>.</param>
/// <param name="ExpiredSuppressions">The plan's suppressions past their expiry: they no longer suppress.</param>
/// <param name="FailOn">The plan's threshold.</param>
public sealed record AuditReport(
    IReadOnlyList<string> Manifests,
    IReadOnlyDictionary<Ecosystem, IReadOnlyList<string>> Sources,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<AdvisoryImport> Imports,
    IReadOnlyList<Ecosystem> AdvisoriesMissing,
    IReadOnlyList<Ecosystem> AdvisoriesStale,
    IReadOnlyList<Suppression> ExpiredSuppressions,
    FailOn FailOn)
{
    /// <summary>Dependencies the project shows no use of, with the evidence (and those that could not be checked, with
    /// why). Advice: they never change <see cref="Passed"/>.</summary>
    public IReadOnlyList<UnusedDependency> Unused { get; init; } = [];

    /// <summary>An advisory no suppression covers is at or above <see cref="FailOn"/>. An advisory without a severity
    /// counts as high: unknown is not safe.</summary>
    public bool Vulnerable => Findings.SelectMany(f => f.Active).Any(h => Fails(h.Severity, FailOn));

    /// <summary>Some data is missing: a registry gave no answer, or an ecosystem has no advisory data. Such an audit
    /// never passes.</summary>
    public bool Incomplete => AdvisoriesMissing.Count > 0 || Findings.Any(f => f.Problem == FindingProblem.RegistryFailed);

    public bool Passed => !Vulnerable && !Incomplete;

    public int Outdated => Findings.Count(f => f.Latest is not null && f.Current is not null && f.Latest != f.Current);

    public int VulnerablePackages => Findings.Count(f => f.Active.Any());

    public int Suppressed => Findings.Sum(f => f.Advisories.Count(a => a.SuppressedBy is not null));

    public static bool Fails(Severity severity, FailOn threshold)
    {
        if (threshold == FailOn.Never) return false;
        var level = severity == Severity.Unknown ? Severity.High : severity;
        var floor = threshold switch
        {
            FailOn.Low => Severity.Low,
            FailOn.Moderate => Severity.Moderate,
            FailOn.High => Severity.High,
            FailOn.Critical => Severity.Critical,
            FailOn.Never => throw new InvalidOperationException("never fails"),
        };
        return level >= floor;
    }
}
