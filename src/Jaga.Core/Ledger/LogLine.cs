namespace Jaga.Core.Ledger;

/// <summary>The seed's log line: <c>[2025-11-15 02:00:00] [INFO] Backup database selesai: backup/db_2025-11-15.sql</c>.</summary>
public static class LogLine
{
    public static string Format(DateTimeOffset time, TimeZoneInfo zone, Severity level, string message)
    {
        var local = TimeZoneInfo.ConvertTime(time, zone);
        return $"[{local:yyyy-MM-dd HH:mm:ss}] [{level.ToText()}] {OneLine(message)}";
    }

    /// <summary>A log line is one line: breaks inside a message become spaces, so a message cannot forge a second line.</summary>
    public static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Replace('\u2028', ' ').Replace('\u2029', ' ').Trim();
}
