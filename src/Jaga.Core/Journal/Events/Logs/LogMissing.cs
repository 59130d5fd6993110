using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Logs;

/// <summary>No file matches a log rule's pattern.</summary>
/// <param name="Pattern">The rule's pattern.</param>
public sealed record LogMissing(string Pattern) : JournalEvent("logs.missing", "logs.missing", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Pattern];
}
