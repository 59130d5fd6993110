using System.Globalization;
using Jaga.Core.Ledger;
using Microsoft.Extensions.Logging;

namespace Jaga.Cli.Daemon;

/// <summary>The daemon's console log. Each maintenance-log line appears once, exactly as the log file has it
/// (<c>[2025-11-15 02:00:00] [INFO] message</c>), and the daemon's own diagnostics in the same shape, with no logger
/// category in front. Under systemd (standard output connected to the journal, <c>JOURNAL_STREAM</c> set) journald keeps
/// the time and the level itself: each line is the bare message behind its syslog priority (<c>&lt;6&gt;</c> info,
/// <c>&lt;4&gt;</c> warning, <c>&lt;3&gt;</c> error), so <c>journalctl -p warning</c> filters it.</summary>
internal sealed class ConsoleLines(TextWriter writer, bool journal, TimeProvider clock, TimeZoneInfo zone) : ILoggerProvider
{
    private readonly Lock gate = new();

    /// <summary>True when standard output goes to journald (systemd sets <c>JOURNAL_STREAM</c> for such a service).</summary>
    public static bool ToJournal(Func<string, string?> environment) => !string.IsNullOrEmpty(environment("JOURNAL_STREAM"));

    public ILogger CreateLogger(string categoryName) => new ConsoleLineLogger(this);

    /// <summary>Writes one entry: a maintenance-log entry (<paramref name="entry"/>) as its line, anything else as a line of
    /// the same shape; an exception's trace follows on its own lines.</summary>
    internal void Write(LogLevel level, AuditEntry? entry, string message, Exception? exception)
    {
        string text;
        if (journal) text = $"<{Priority(level)}>{entry?.Message ?? message}";
        else if (entry is not null) text = entry.Line;
        else
        {
            var time = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            text = $"[{time}] [{Word(level)}] {message}";
        }
        if (exception is not null) text += Environment.NewLine + exception;
        lock (gate) writer.WriteLine(text);
    }

    private static int Priority(LogLevel level) => level switch
    {
        LogLevel.Critical => 2,
        LogLevel.Error => 3,
        LogLevel.Warning => 4,
        LogLevel.Information => 6,
        _ => 7,
    };

    private static string Word(LogLevel level) => level switch
    {
        LogLevel.Critical or LogLevel.Error => "ERROR",
        LogLevel.Warning => "WARN",
        LogLevel.Information => "INFO",
        _ => "DEBUG",
    };

    public void Dispose()
    {
        // The writer is the process's standard output: not this provider's to close.
    }
}
