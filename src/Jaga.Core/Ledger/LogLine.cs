namespace Jaga.Core.Ledger;

/// <summary>The seed's log line: <c>[2025-11-15 02:00:00] [INFO] Backup database selesai: backup/db_2025-11-15.sql</c>.</summary>
public static class LogLine
{
    public static string Format(DateTimeOffset time, TimeZoneInfo zone, Severity level, string message)
    {
        var local = TimeZoneInfo.ConvertTime(time, zone);
        return $"[{local:yyyy-MM-dd HH:mm:ss}] [{level.ToText()}] {OneLine(message)}";
    }

    /// <summary>A log line is one line of plain text: line breaks and control characters (terminal escapes
    /// included) become spaces, so a message can neither forge a second line nor repaint a terminal.</summary>
    public static string OneLine(string message)
    {
        var chars = message.ReplaceLineEndings(" ").ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if ((char.IsControl(chars[i]) && chars[i] != '\t') || chars[i] is '\u2028' or '\u2029') chars[i] = ' ';
        return new string(chars).Trim();
    }
}
