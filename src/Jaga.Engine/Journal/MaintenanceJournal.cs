using System.Text;
using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Redaction;

namespace Jaga.Engine.Journal;

/// <summary>The one way every pillar records an act: a line in the maintenance log file and an entry in the audit chain.</summary>
/// <remarks>Under a cross-process lock: the chain entry is appended first (it is the record), then its line is written
/// and flushed. If a crash falls between the two, the next write finds the file behind the chain and writes the missing lines.</remarks>
public sealed class MaintenanceJournal(IStateStore store, LoadedPlan plan, TimeProvider clock, string actor)
{
    private const int RepairWindow = 1000;

    public Catalog Messages { get; } = Catalog.For(plan.Plan.Language);

    public string LogPath { get; } = plan.Resolve(plan.Plan.Log.File);

    public IStateStore Store => store;

    public Redactor Redactor => plan.Redactor;

    /// <summary>Records a catalog message (translated into the plan's language).</summary>
    public Task<AuditEntry> RecordAsync(Severity level, string kind, string messageKey, object?[] args, IReadOnlyDictionary<string, string>? data = null, string? by = null, CancellationToken ct = default) =>
        RecordTextAsync(level, kind, Messages.Format(messageKey, args), data, by, ct);

    /// <summary>Records a message as given (manual entries from <c>jaga log add</c>).</summary>
    public async Task<AuditEntry> RecordTextAsync(Severity level, string kind, string message, IReadOnlyDictionary<string, string>? data = null, string? by = null, CancellationToken ct = default)
    {
        var text = LogLine.OneLine(plan.Redactor.Redact(message));
        var now = clock.GetUtcNow();
        var draft = new AuditDraft(now, by ?? actor, kind, level, text, LogLine.Format(AuditEntry.ToMilliseconds(now), plan.Plan.Timezone, level, text),
            plan.Redactor.Redact(data ?? AuditData.Empty));
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        using var held = await JournalLock.AcquireAsync(LogPath, ct);
        var entry = await store.AppendAsync(draft, ct);
        await using var file = new FileStream(LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        var missing = await MissingLinesAsync(entry, ct);
        var sb = new StringBuilder();
        foreach (var line in missing) sb.Append(line).Append('\n');
        sb.Append(entry.Line).Append('\n');
        await file.WriteAsync(Encoding.UTF8.GetBytes(sb.ToString()), ct);
        file.Flush(flushToDisk: true);
        return entry;
    }

    /// <summary>Lines of entries just before <paramref name="entry"/> that the file lacks because a writer crashed between chain and file.</summary>
    private async Task<List<string>> MissingLinesAsync(AuditEntry entry, CancellationToken ct)
    {
        if (entry.Seq == 1) return [];
        var last = LastLine(LogPath);
        // The common case, checked with one row: the file ends with the previous entry's line.
        await foreach (var previous in store.ReadAsync(entry.Seq - 1, ct))
        {
            if (previous.Seq == entry.Seq - 1 && previous.Line == last) return [];
            break;
        }
        var from = Math.Max(1, entry.Seq - RepairWindow);
        var window = new List<AuditEntry>();
        await foreach (var e in store.ReadAsync(from, ct))
        {
            if (e.Seq >= entry.Seq) break;
            window.Add(e);
        }
        if (window.Count == 0 || window[^1].Line == last) return [];
        var at = window.FindLastIndex(e => e.Line == last);
        // Only repair a gap we can see the start of; anything else is for 'jaga audit verify' to report.
        if (at < 0 && !(last is null && from == 1)) return [];
        return window.Skip(at + 1).Select(e => e.Line).ToList();
    }

    private static string? LastLine(string path)
    {
        if (!File.Exists(path)) return null;
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (f.Length == 0) return null;
        var size = (int)Math.Min(f.Length, 64 * 1024);
        var buf = new byte[size];
        f.Seek(-size, SeekOrigin.End);
        f.ReadExactly(buf);
        var text = Encoding.UTF8.GetString(buf).TrimEnd('\n');
        var nl = text.LastIndexOf('\n');
        return nl >= 0 ? text[(nl + 1)..] : text;
    }
}
