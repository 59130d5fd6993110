using System.Text;
using Jaga.Core.Changes;
using Jaga.Core.Errors;
using Jaga.Core.Journal;
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
    /// <summary>The language of what is recorded: the plan's, unless the command was asked for another (<c>--lang</c>).</summary>
    public Catalog Messages { get; init; } = Catalog.For(plan.Plan.Language);

    public string LogPath { get; } = plan.Resolve(plan.Plan.Log.File);

    public IStateStore Store => store;

    /// <summary>Who the entries are by unless a call names someone else: the person or process that acts.</summary>
    public string Actor => actor;

    /// <summary>This node's name (<c>scheduler.node</c>, default the host name): recorded in every entry, because each
    /// node writes its own log file while the chain is shared.</summary>
    public string Node { get; } = plan.Plan.Scheduler.Node ?? Environment.MachineName;

    public Redactor Redactor => plan.Redactor;

    /// <summary>The clock of the waits for another writer's hold on the log. Real time, whatever clock stamps the entries:
    /// the other writer may be another process, which a test's fake clock does not move.</summary>
    public required TimeProvider Waits { get; init; }

    /// <summary>Called with every entry once written (the daemon echoes them to its own log, hence journald).</summary>
    public Action<AuditEntry>? Recorded { get; init; }

    /// <summary>Holds off every writer of this log (in any process) until disposed: a consistent view of the chain and the file.</summary>
    public async Task<IDisposable> HoldAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        return await JournalLock.AcquireAsync(LogPath, Waits, ct);
    }

    /// <summary>Records an event: its kind, severity and data, and its message in the plan's language.</summary>
    public Task<AuditEntry> RecordAsync(JournalEvent e, string? by = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        return RecordTextAsync(e.Level, e.Kind, e.Message(Messages), e.Data, by, ct);
    }

    /// <summary>An event's message in the plan's language, as its log line says it (a run's detail, a command's output).</summary>
    public string Describe(JournalEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Message(Messages);
    }

    /// <summary>Records a message as given (manual entries from <c>jaga log add</c>).</summary>
    public async Task<AuditEntry> RecordTextAsync(Severity level, string kind, string message, IReadOnlyDictionary<string, string>? data = null, string? by = null, CancellationToken ct = default)
    {
        var text = LogLine.OneLine(plan.Redactor.Redact(message));
        var details = new Dictionary<string, string>(plan.Redactor.Redact(data ?? AuditData.Empty), StringComparer.Ordinal)
        {
            [AuditEntry.NodeKey] = Node,
        };
        using var held = await AcquireAsync(ct);
        // The file is opened before anything is recorded: a log that cannot be written fails the act, not half of it.
        await using var file = Open();
        var lost = await LostLineAsync(ct);
        if (lost is not null) details["restored_line_of"] = lost.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The time is read under the lock, so times follow the chain's order.
        var now = AuditEntry.ToMilliseconds(clock.GetUtcNow());
        var draft = new AuditDraft(now, by ?? actor, kind, level, text, LogLine.Format(now, plan.Plan.Timezone, level, text), details);
        var entry = await store.AppendAsync(draft, ct);
        var sb = new StringBuilder();
        if (lost is not null) sb.Append(lost.Line).Append('\n');
        sb.Append(entry.Line).Append('\n');
        await file.WriteAsync(Encoding.UTF8.GetBytes(sb.ToString()), ct);
        file.Flush(flushToDisk: true);
        // Under the same hold as the entry, so a reader of the changes never sees a significant entry without its record.
        if (SignificantChanges.Of(plan.Plan, entry) is { } change) await store.Changes.RecordAsync(change, ct);
        Recorded?.Invoke(entry);
        return entry;
    }

    /// <summary>The log's folder made and its lock taken; a folder the user may not write (log.file in the plan) is a user
    /// error. A lock held too long by another process, or another I/O failure before anything is recorded, means the
    /// record is away for now: the scheduler retries, a command exits 1.</summary>
    private async Task<IDisposable> AcquireAsync(CancellationToken ct)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
            return await JournalLock.AcquireAsync(LogPath, Waits, ct);
        }
        catch (UnauthorizedAccessException e)
        {
            throw Unwritable(e);
        }
        catch (IOException e)
        {
            throw Away(e);
        }
    }

    private FileStream Open()
    {
        try
        {
            return new FileStream(LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException e)
        {
            throw Unwritable(e);
        }
        catch (IOException e)
        {
            throw Away(e);
        }
    }

    private StoreUnavailableException Away(IOException e) => new($"the maintenance log {LogPath} cannot be written now: {e.Message}", e);

    private UserException Unwritable(Exception e) =>
        new($"cannot write the maintenance log {LogPath}: {e.Message}", "check the permissions of log.file in the plan and of its folder", e);

    /// <summary>The newest entry, when its line is the only one the file lacks: what a crash between the chain
    /// append and the file write leaves. Anything else (more lines missing, an emptied file) is not repaired:
    /// it is for <c>jaga audit verify</c> to report.</summary>
    private async Task<AuditEntry?> LostLineAsync(CancellationToken ct)
    {
        var head = await store.HeadAsync(ct);
        // Another node's newest entry is in that node's log, not in this one.
        if (head is null || !head.IsFromNode(Node)) return null;
        var last = LastLine(LogPath);
        if (last == head.Line) return null;
        if (head.Seq == 1) return last is null ? head : null;
        await foreach (var previous in store.ReadAsync(head.Seq - 1, ct))
            return previous.Seq == head.Seq - 1 && previous.Line == last ? head : null;
        return null;
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
