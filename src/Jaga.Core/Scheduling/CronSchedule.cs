using Cronos;
using Jaga.Core.Messages;

namespace Jaga.Core.Scheduling;

/// <summary>A 5-field cron expression or a macro (<c>@hourly</c>, <c>@daily</c>, <c>@weekly</c>, <c>@monthly</c>, <c>@yearly</c>), read in a time zone.</summary>
public sealed class CronSchedule : ISchedule
{
    private static readonly TimeSpan DefaultHorizon = TimeSpan.FromDays(400);

    private static readonly DateTime NeverBefore = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public const string Help = "write 5 fields 'minute hour day-of-month month day-of-week', e.g. \"0 2 * * *\", or @hourly, @daily, @weekly, @monthly";

    private readonly CronExpression expression;

    private CronSchedule(string text, CronExpression expression)
    {
        Text = text;
        this.expression = expression;
    }

    public string Text { get; }

    public static bool TryParse(string text, out CronSchedule? schedule, out string? problem)
    {
        var ok = TryRead(text, out schedule, out var phrase);
        problem = phrase is null ? null : Catalog.English.Format(phrase.Key, [.. phrase.Args]);
        return ok;
    }

    /// <summary>As <see cref="TryParse"/>, with the problem as a catalog phrase, worded later in the reader's language.</summary>
    public static bool TryRead(string text, out CronSchedule? schedule, out Phrase? problem)
    {
        schedule = null;
        problem = null;
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('@'))
        {
            var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (fields != 5)
            {
                problem = new Phrase("plan.error.cron.fields", [fields]);
                return false;
            }
        }
        else if (trimmed is not ("@hourly" or "@daily" or "@midnight" or "@weekly" or "@monthly" or "@yearly" or "@annually"))
        {
            problem = new Phrase("plan.error.cron.macro", [trimmed]);
            return false;
        }
        try
        {
            var expression = CronExpression.Parse(trimmed, CronFormat.Standard);
            // Cron has no year, so a date that never comes (30 February, 31 April) never comes in any year: Cronos
            // searches up to 2099, and from 2000 on that covers every leap day too.
            if (expression.GetNextOccurrence(NeverBefore) is null)
            {
                problem = new Phrase("plan.error.cron.never");
                return false;
            }
            schedule = new CronSchedule(trimmed, expression);
            return true;
        }
        catch (CronFormatException e)
        {
            problem = new Phrase("plan.error.text", [e.Message.TrimEnd('.')]);
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, with daylight-saving gaps and overlaps handled in <paramref name="zone"/>.</summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone) =>
        expression.GetNextOccurrence(after, zone);

    /// <summary>The most recent occurrence at or before <paramref name="now"/>, searching back at most <paramref name="horizon"/>.</summary>
    public DateTimeOffset? Previous(DateTimeOffset now, TimeZoneInfo zone, TimeSpan horizon)
    {
        // Look back in widening windows: a minutely schedule is found in the first hour without
        // enumerating a year of occurrences, a yearly one still within the horizon.
        for (var window = TimeSpan.FromHours(1); ; window *= 8)
        {
            if (window > horizon) window = horizon;
            DateTimeOffset? last = null;
            foreach (var t in expression.GetOccurrences(now - window, now, zone, fromInclusive: true, toInclusive: true)) last = t;
            if (last is not null || window == horizon) return last;
        }
    }

    /// <summary>The most recent occurrence at or before <paramref name="now"/> within 400 days.</summary>
    public DateTimeOffset? Previous(DateTimeOffset now, TimeZoneInfo zone) => Previous(now, zone, DefaultHorizon);

    public override string ToString() => Text;
}
