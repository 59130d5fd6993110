using Jaga.Core.Updates.Advisories;

namespace Jaga.Engine.Updates.Audit;

/// <summary>An advisory that affects a dependency of <see cref="LastAudit"/>.</summary>
public sealed record LastAuditAdvisory(string Id, Severity Severity, string? FixedIn, bool Suppressed);
