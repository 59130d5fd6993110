namespace Jaga.Core.Plan;

/// <summary>What <c>jaga checklist</c> measures the project against.</summary>
/// <param name="Url">The application's public URL, probed for HTTPS and its security headers (HSTS, CSP,
/// X-Content-Type-Options, X-Frame-Options).</param>
/// <param name="AuditMaxAge">A dependency audit older than this does not count.</param>
/// <param name="Optional">Points that are reported but do not fail the checklist (<c>folders</c>, <c>ci</c>, …).</param>
public sealed record ChecklistSettings(string? Url, TimeSpan AuditMaxAge, IReadOnlyList<string> Optional);
