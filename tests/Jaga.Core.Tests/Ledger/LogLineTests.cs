using Jaga.Core.Ledger;

namespace Jaga.Core.Tests.Ledger;

public sealed class LogLineTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    [Fact]
    public void Line_is_exactly_the_seeds_format_in_the_plans_zone()
    {
        var line = LogLine.Format(new DateTimeOffset(2025, 11, 14, 19, 0, 0, TimeSpan.Zero), Jakarta, Severity.Info, "Backup database selesai: backup/db_2025-11-15.sql");

        Assert.Equal("[2025-11-15 02:00:00] [INFO] Backup database selesai: backup/db_2025-11-15.sql", line);
    }

    [Theory]
    [InlineData(Severity.Warn, "[2025-11-15 00:30:00] [WARN] Patch keamanan diterapkan pada modul auth")]
    [InlineData(Severity.Error, "[2025-11-15 00:30:00] [ERROR] Patch keamanan diterapkan pada modul auth")]
    public void Levels_are_written_as_the_seed_writes_them(Severity level, string expected)
    {
        Assert.Equal(expected, LogLine.Format(new DateTimeOffset(2025, 11, 14, 17, 30, 0, TimeSpan.Zero), Jakarta, level, "Patch keamanan diterapkan pada modul auth"));
    }

    [Theory]
    [InlineData("Backup gagal:\nbaris dua\r\nbaris tiga\rempat", "Backup gagal: baris dua baris tiga empat")]
    [InlineData("ok\n[2025-11-15 02:00:00] [INFO] forged", "ok [2025-11-15 02:00:00] [INFO] forged")]
    [InlineData("a\u2028b\u2029c\u0085d\fe", "a b c d e")]
    [InlineData("  trailing break\n", "trailing break")]
    public void Message_breaks_become_spaces_so_a_message_cannot_forge_a_line(string message, string expected)
    {
        var line = LogLine.Format(new DateTimeOffset(2025, 11, 14, 19, 0, 0, TimeSpan.Zero), Jakarta, Severity.Info, message);

        Assert.Equal("[2025-11-15 02:00:00] [INFO] " + expected, line);
    }
}
