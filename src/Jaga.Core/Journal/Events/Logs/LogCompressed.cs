using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Logs;

/// <summary>A rotated log file was compressed.</summary>
/// <param name="File">The file.</param>
/// <param name="To">The compressed file.</param>
/// <param name="Compression">The compression used.</param>
public sealed record LogCompressed(string File, string To, string Compression) : JournalEvent("logs.compress", "logs.compressed", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [File, To, Compression];
}
