using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;

namespace Jaga.Engine.Updates.Audit;

/// <summary>One dependency of <see cref="LastAudit"/>.</summary>
public sealed record LastAuditItem(
    string Ecosystem, string Name, string? Current, string? Latest, string? Target, string? Kind, Decision Decision, bool Security, string Why,
    string Manifest, int Line, IReadOnlyList<LastAuditAdvisory> Advisories)
{
    /// <summary>The advisories no suppression covers.</summary>
    public IEnumerable<LastAuditAdvisory> Active => Advisories.Where(a => !a.Suppressed);

    /// <summary>The worst severity among <see cref="Active"/>; null when none.</summary>
    public Severity? Worst => Active.Any() ? Active.Max(a => a.Severity) : null;
}
