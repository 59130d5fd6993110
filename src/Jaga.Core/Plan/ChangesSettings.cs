using Jaga.Core.Ports;

namespace Jaga.Core.Plan;

/// <summary>Which acts are significant changes, each recorded for review (<c>jaga changes</c>): the seed's audit rule, "a
/// significant change is reviewed, and the related documents are updated".</summary>
/// <param name="Plan">A plan change touching backup destinations, retention, encryption, or removing a check.</param>
/// <param name="Restore">A runbook run with a restore step.</param>
/// <param name="Migration">A migration run.</param>
/// <param name="MajorUpdate">A dependency updated to a new major version.</param>
/// <param name="SecurityPatch">An operating-system security patch installed.</param>
public sealed record ChangesSettings(bool Plan, bool Restore, bool Migration, bool MajorUpdate, bool SecurityPatch)
{
    /// <summary>Whether changes of <paramref name="kind"/> are recorded. A runbook run asked for with <c>review: before</c>
    /// always is: the runbook itself asks for the review.</summary>
    public bool Significant(ChangeKind kind) => kind switch
    {
        ChangeKind.Plan => Plan,
        ChangeKind.Restore => Restore,
        ChangeKind.Migration => Migration,
        ChangeKind.MajorUpdate => MajorUpdate,
        ChangeKind.SecurityPatch => SecurityPatch,
        ChangeKind.Runbook => true,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
