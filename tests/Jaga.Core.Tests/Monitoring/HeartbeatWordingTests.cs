using Jaga.Core.Journal.Events.Monitoring;
using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Core.Tests.Monitoring;

/// <summary>A heartbeat's reasons in the plan's language, with their times in the plan's zone: they become the details of
/// log lines that are themselves in that language and zone.</summary>
public sealed class HeartbeatWordingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Heartbeat Hourly = new(TimeSpan.FromHours(1), TimeSpan.FromHours(1), null);
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private static Ping P(PingKind kind, TimeSpan ago, int? code = null) => new("cron", kind, code, Now - ago, "cli");

    private static CheckObservation Indonesian(DateTimeOffset firstSeen, params Ping[] pings) =>
        HeartbeatVerdict.Judge(Hourly, pings, firstSeen, Now, Catalog.Indonesian, Jakarta);

    [Fact]
    public void Waiting_heartbeat_says_so_in_Indonesian_with_a_Jakarta_time()
    {
        // First seen 11:59 UTC; every + grace is 2h: it waits until 13:59 UTC, 20:59 in Jakarta.
        var o = Indonesian(Now.AddMinutes(-1));

        Assert.Equal("belum ada ping; menunggu sampai 2026-12-01 20:59 Asia/Jakarta", o.Body);
    }

    [Fact]
    public void Never_pinged_late_and_failed_heartbeats_give_Indonesian_reasons()
    {
        Assert.Equal("belum ada ping (seharusnya dalam 2h sejak 2026-12-01 16:59 Asia/Jakarta)", Indonesian(Now.AddMinutes(-121)).Error);
        Assert.Equal("sukses terakhir 2h5m lalu, seharusnya setiap 1h (toleransi 1h)",
            Indonesian(Now.AddDays(-10), P(PingKind.Success, TimeSpan.FromMinutes(125))).Error);
        Assert.Equal("ping terakhir 5m lalu melaporkan kegagalan (exit code 3); down sampai sukses berikutnya",
            Indonesian(Now.AddDays(-10), P(PingKind.Exit, TimeSpan.FromMinutes(5), 3)).Error);
        Assert.Equal("dimulai 1h5m lalu, belum selesai dalam toleransi 1h",
            Indonesian(Now.AddDays(-10), P(PingKind.Success, TimeSpan.FromMinutes(70)), P(PingKind.Start, TimeSpan.FromMinutes(65))).Error);
        Assert.Equal("sukses terakhir 10m lalu", Indonesian(Now.AddDays(-10), P(PingKind.Success, TimeSpan.FromMinutes(10))).Body);
    }

    [Fact]
    public void The_log_line_of_a_waiting_heartbeat_in_a_Jakarta_plan_carries_Jakarta_times_only()
    {
        var reason = Indonesian(Now.AddMinutes(-1)).Body!;

        var line = LogLine.Format(Now, Jakarta, Severity.Info, new CheckUp("nightly", reason).Message(Catalog.Indonesian));

        Assert.Equal("[2026-12-01 19:00:00] [INFO] Pemeriksaan nightly normal: belum ada ping; menunggu sampai 2026-12-01 20:59 Asia/Jakarta", line);
        Assert.DoesNotContain("UTC", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_language_and_zone_the_reasons_stay_English_and_name_UTC()
    {
        var o = HeartbeatVerdict.Judge(Hourly, [], Now.AddMinutes(-1), Now);

        Assert.Equal("no ping yet; waiting until 2026-12-01 13:59 UTC", o.Body);
    }

    [Fact]
    public void A_time_in_a_message_names_its_zone()
    {
        Assert.Equal("2026-12-01 19:00 Asia/Jakarta", ZoneTime.Format(Now, Jakarta));
        Assert.Equal("2026-12-01 12:00 UTC", ZoneTime.Format(Now, TimeZoneInfo.Utc));
        Assert.Equal("2026-12-01 12:00 UTC", ZoneTime.Format(Now, TimeZoneInfo.FindSystemTimeZoneById("Etc/UTC")));
    }
}
