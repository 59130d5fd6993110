namespace Jaga.Core.Ledger;

/// <summary>The first thing found wrong with the chain, the log file or a checkpoint, in words a user can act on.</summary>
public sealed record AuditProblem(long Seq, AuditProblemKind Kind, string Message);

public enum AuditProblemKind
{
    Edited,
    Deleted,
    Reordered,
    Relinked,
    Truncated,
    ForgedCheckpoint,
    LogLineEdited,
    LogLineDeleted,
    LogLineAdded,
}
