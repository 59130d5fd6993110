namespace Jaga.Core.Readiness;

/// <summary>What one piece of evidence says about its point.</summary>
public enum EvidenceState
{
    /// <summary>It holds.</summary>
    Ok,

    /// <summary>It does not: the point is unmet.</summary>
    Failed,

    /// <summary>For a person to judge when acknowledging the point (a stray document at the top level); does not fail it.</summary>
    Note,
}
