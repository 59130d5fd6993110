using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Logs;

/// <summary>A log rule's <c>post_rotate</c> command failed.</summary>
/// <param name="Rule">The log rule.</param>
/// <param name="Reason">Its exit code and output, or why it did not run.</param>
public sealed record PostRotateFailed(string Rule, string Reason) : JournalEvent("logs.post_rotate", "logs.postrotate.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Rule, Reason];
}
