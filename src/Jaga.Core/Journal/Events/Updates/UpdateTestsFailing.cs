using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Updates;

/// <summary>The tests already failed before any update was applied, so none was: a failure could not be told apart from
/// the updates' own.</summary>
/// <param name="Reason">How the test command ended, masked.</param>
/// <param name="Tail">The last lines of its output (at most 2 KiB), masked.</param>
public sealed record UpdateTestsFailing(string Reason, string Tail) : JournalEvent("update.apply", "update.tests.failing", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Reason, Tail];
}
