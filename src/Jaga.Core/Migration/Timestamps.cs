using System.Globalization;

namespace Jaga.Core.Migration;

/// <summary>Dates and times as the export writes them (ISO 8601) and as it reads them from text (SQLite keeps them as
/// text: <c>2025-11-15 02:00:00</c>, with or without <c>T</c>, fractions and an offset; without one it is UTC, as
/// SQLite's own <c>CURRENT_TIMESTAMP</c> is).</summary>
internal static class Timestamps
{
    private const string WithZoneFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFzzz";
    private const string WithoutZoneFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFF";

    private static readonly string[] ZonedFormats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz",
    ];

    private static readonly string[] LocalFormats =
        ["yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm"];

    private static readonly string[] TimeFormats = ["HH:mm:ss.FFFFFFF", "HH:mm"];

    public static string? WithZone(object value) => ParseWithZone(value) is { } t ? WithZone(t) : null;

    public static string WithZone(DateTimeOffset t) => t.ToString(WithZoneFormat, CultureInfo.InvariantCulture);

    /// <summary>A timestamptz's canonical text (docs/migration.md, "The canonical content hash"): UTC, microseconds at
    /// most, trailing fractional zeros removed, <c>Z</c>.</summary>
    public static string Canonical(DateTimeOffset t) => t.UtcDateTime.ToString(WithoutZoneFormat, CultureInfo.InvariantCulture) + "Z";

    public static string? WithoutZone(object value) => ParseWithoutZone(value) is { } t ? t.ToString(WithoutZoneFormat, CultureInfo.InvariantCulture) : null;

    public static DateTimeOffset? ParseWithZone(object value) => value switch
    {
        DateTimeOffset o => o,
        // Npgsql gives timestamptz as UTC; MySqlConnector gives TIMESTAMP in the session's zone, which the reader sets to UTC.
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d, DateTimeKind.Utc)),
        string s when DateTimeOffset.TryParseExact(s.Trim(), ZonedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var o) => o,
        string s when DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) =>
            new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        _ => null,
    };

    public static DateTime? ParseWithoutZone(object value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Unspecified),
        string s when DateTime.TryParseExact(s.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        string s when DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) =>
            day.ToDateTime(TimeOnly.MinValue),
        _ => null,
    };

    public static string? Date(object value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string s when DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) =>
            d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    };

    public static string? Time(object value) => value switch
    {
        TimeOnly t => Write(t),
        TimeSpan t when t >= TimeSpan.Zero && t < TimeSpan.FromDays(1) => Write(TimeOnly.FromTimeSpan(t)),
        string s when TimeOnly.TryParseExact(s.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) => Write(t),
        _ => null,
    };

    private static string Write(TimeOnly t) => t.ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture);
}
