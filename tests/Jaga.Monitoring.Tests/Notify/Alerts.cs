using Jaga.Core.Monitoring;

namespace Jaga.Monitoring.Tests.Notify;

/// <summary>Alerts for the tests: the check is down since 10:00 UTC, the alert is at 10:05.</summary>
internal static class Alerts
{
    public static readonly DateTimeOffset Since = new(2025, 11, 15, 10, 0, 0, TimeSpan.Zero);

    public static AlertMessage Down(string check, params string[] channels) =>
        new("tokoku", check, AlertKind.Down, "[STATUS] == 200 failed: 503", Since.AddMinutes(5), Since, "restart-api", channels);
}
