using System.Globalization;

namespace Jaga.Core.Messages;

/// <summary>A time inside a message, in the plan's zone and naming it: <c>2026-12-06 17:00 Asia/Jakarta</c>. Log lines
/// carry the plan's local time, so a time in their text that spoke UTC would read as a second, different clock.</summary>
public static class ZoneTime
{
    public static string Format(DateTimeOffset time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(time, zone);
        var name = zone.Id is "UTC" or "Etc/UTC" or "Etc/UCT" or "Etc/Universal" or "Etc/Zulu" ? "UTC" : zone.Id;
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + name;
    }
}
