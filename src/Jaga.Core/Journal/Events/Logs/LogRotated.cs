using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Logs;

/// <summary>A log file was rotated (moved aside).</summary>
/// <param name="File">The file.</param>
/// <param name="To">Its new name.</param>
/// <param name="Reason">Why it was due.</param>
public sealed record LogRotated(string File, string To, string Reason) : JournalEvent("logs.rotate", "logs.rotated", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [File, To, Reason];
}
