using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Logs;

/// <summary>A log file was rotated by copying and truncating it (<c>copytruncate</c>).</summary>
/// <param name="File">The file.</param>
/// <param name="To">The copy.</param>
/// <param name="Reason">Why it was due.</param>
public sealed record LogCopyTruncated(string File, string To, string Reason) : JournalEvent("logs.rotate", "logs.copytruncated", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [File, To, Reason];
}
