namespace Jaga.Core.Scheduling;

/// <summary>When a job runs: a cron expression read in the plan's zone, or a fixed interval.</summary>
public interface ISchedule
{
    /// <summary>How the plan wrote it, e.g. <c>0 2 * * *</c> or <c>every 30s</c>.</summary>
    string Text { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone);

    /// <summary>The most recent occurrence at or before <paramref name="now"/>, or null when none is near enough to matter.</summary>
    DateTimeOffset? Previous(DateTimeOffset now, TimeZoneInfo zone);
}
