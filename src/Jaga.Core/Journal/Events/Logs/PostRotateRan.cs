using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Logs;

/// <summary>A log rule's <c>post_rotate</c> command succeeded.</summary>
/// <param name="Rule">The log rule.</param>
/// <param name="Exit">Its exit code.</param>
public sealed record PostRotateRan(string Rule, int Exit) : JournalEvent("logs.post_rotate", "logs.postrotate", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Rule, Exit];
}
