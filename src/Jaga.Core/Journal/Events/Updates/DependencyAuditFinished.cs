using Jaga.Core.Ledger;
using Jaga.Core.Messages;

namespace Jaga.Core.Journal.Events.Updates;

/// <summary>A dependency audit ended (<c>jaga deps audit</c>, <c>deps plan</c>, <c>deps update</c>, the scheduled one):
/// a WARN line when an advisory counts or data is missing, so the log says an audit found something or could not look.</summary>
/// <param name="Packages">Dependencies declared.</param>
/// <param name="Outdated">Of them, behind the latest version.</param>
/// <param name="Vulnerable">Of them, affected by an advisory no suppression covers.</param>
/// <param name="ToApply">Updates the policy applies by itself.</param>
/// <param name="ToReview">Updates waiting for a person.</param>
/// <param name="Missing">What the audit had no data for (registries that failed, ecosystems without advisory data),
/// comma-separated; null when it had all it needed.</param>
public sealed record DependencyAuditFinished(int Packages, int Outdated, int Vulnerable, int ToApply, int ToReview, string? Missing)
    : JournalEvent(AuditKind, "deps.audit.finished", Vulnerable > 0 || Missing is not null ? Severity.Warn : Severity.Info)
{
    /// <summary>The audit kind of an audit's entries, which the dashboard's updates page looks for in the log.</summary>
    public const string AuditKind = "deps.audit";

    public override IReadOnlyList<object?> Arguments =>
        [Packages, Outdated, Vulnerable, ToApply, ToReview, Missing is null ? "" : new Phrase("deps.audit.incomplete", [Missing])];
}
