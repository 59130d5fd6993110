namespace Jaga.Core.Scheduling;

/// <summary>IANA time zones, looked up without depending on ICU.</summary>
public static class TimeZones
{
    public static IEnumerable<string> Ids => TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id);

    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id)) return false;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }
}
