using Jaga.Core.Messages;
using Jaga.Core.Monitoring;

namespace Jaga.Monitoring.Tests.Notify;

public sealed class AlertTextTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    [Fact]
    public void A_down_alert_names_project_check_reason_time_in_the_plan_zone_and_runbook()
    {
        var alert = Alerts.Down("api", "oncall");

        Assert.Equal("[tokoku] api is DOWN", AlertText.Subject(alert, Catalog.English));
        Assert.Equal(
            "Reason: [STATUS] == 200 failed: 503\nAt: 2025-11-15 17:05:00 +07:00\nDown since: 2025-11-15 17:00:00 +07:00 (5m)\nRunbook: restart-api",
            AlertText.Body(alert, Catalog.English, Jakarta));
    }

    [Fact]
    public void Reminder_and_recovery_say_how_long_the_check_has_been_down()
    {
        var reminder = Alerts.Down("api") with { Kind = AlertKind.Reminder, At = Alerts.Since.AddHours(1).AddMinutes(30).AddSeconds(12.7) };
        var recovery = reminder with { Kind = AlertKind.Recovery, Runbook = null };

        Assert.Equal("[tokoku] api is still DOWN, for 1h30m12s", AlertText.Subject(reminder, Catalog.English));
        Assert.Equal("[tokoku] api RECOVERED after 1h30m12s", AlertText.Subject(recovery, Catalog.English));
        Assert.DoesNotContain("Runbook", AlertText.Body(recovery, Catalog.English, TimeZoneInfo.Utc), StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_is_in_the_plans_language()
    {
        var alert = Alerts.Down("api");

        Assert.Equal("[tokoku] api MATI (DOWN)", AlertText.Subject(alert, Catalog.Indonesian));
        Assert.StartsWith("Penyebab: [STATUS] == 200 failed: 503\nWaktu: ", AlertText.Body(alert, Catalog.Indonesian, Jakarta), StringComparison.Ordinal);
        Assert.Equal("pulih", AlertText.KindName(AlertKind.Recovery, Catalog.Indonesian));
    }

    [Fact]
    public void An_alert_timed_before_its_outage_reads_as_zero_not_negative()
    {
        var odd = Alerts.Down("api") with { At = Alerts.Since.AddSeconds(-3) };

        Assert.Equal(TimeSpan.Zero, AlertText.DownFor(odd));
        Assert.Contains("(0s)", AlertText.Body(odd, Catalog.English, TimeZoneInfo.Utc), StringComparison.Ordinal);
    }
}
