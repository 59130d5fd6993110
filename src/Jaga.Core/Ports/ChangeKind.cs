namespace Jaga.Core.Ports;

/// <summary>What kind of significant change a change record is (the seed's audit rule: "a significant change is reviewed,
/// and the related documents are updated").</summary>
public enum ChangeKind
{
    /// <summary>The plan changed where it matters: backup destinations, retention, encryption, or a check removed.</summary>
    Plan,

    /// <summary>A runbook run with a restore step.</summary>
    Restore,

    /// <summary>A migration run (<c>jaga migrate run</c>).</summary>
    Migration,

    /// <summary>A dependency updated to a new major version.</summary>
    MajorUpdate,

    /// <summary>An operating-system security patch installed.</summary>
    SecurityPatch,

    /// <summary>A runbook run asked for by hand when its runbook says <c>review: before</c>.</summary>
    Runbook,
}
