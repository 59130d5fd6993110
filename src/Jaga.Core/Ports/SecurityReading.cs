namespace Jaga.Core.Ports;

/// <summary>One reading of a source of security findings: everything it reports as pending now.</summary>
/// <param name="Source">What was read.</param>
/// <param name="Scope">What the reading covers within its source: empty for the plan's project (every node audits the same
/// one), the node's name for its OS packages (a reading on one machine says nothing about another's).</param>
/// <param name="At">When it was made.</param>
/// <param name="Complete">Every package that could be affected was judged on real data. Only a complete reading resolves
/// the findings it no longer reports: an audit whose registry or advisory data was missing must not mark anything fixed.</param>
/// <param name="Findings">The pending findings it reports; suppressed advisories are not among them.</param>
public sealed record SecurityReading(
    SecurityFindingSource Source, string Scope, DateTimeOffset At, bool Complete, IReadOnlyList<SecurityFindingSeen> Findings);
