using Jaga.Core.Plan;

namespace Jaga.Core.Monitoring;

/// <summary>Which maintenance window, if any, silences a check's alerts right now.</summary>
public static class MaintenanceWindows
{
    /// <summary>The window covering <paramref name="check"/> at <paramref name="now"/>, or null. A window is active from an
    /// occurrence of its schedule (read in <paramref name="zone"/>, daylight saving handled by the cron library) for its
    /// duration, measured in elapsed time: a 3h window that starts before clocks go forward still lasts 3 hours. A window
    /// without <c>checks</c> covers every check.</summary>
    public static MaintenanceWindow? Active(IReadOnlyList<MaintenanceWindow> windows, string check, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(windows);
        foreach (var window in windows)
        {
            if (window.Checks.Count > 0 && !window.Checks.Contains(check, StringComparer.Ordinal)) continue;
            if (window.Duration <= TimeSpan.Zero) continue;
            // The latest start is the only one that can still be running: every occurrence lasts equally long.
            var start = window.Schedule.Previous(now, zone, window.Duration);
            if (start is { } s && s <= now && s + window.Duration > now) return window;
        }
        return null;
    }
}
