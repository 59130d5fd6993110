using System.Globalization;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;
using Jaga.Core.Ports;

namespace Jaga.Core.Monitoring;

/// <summary>What a heartbeat check's pings say now, with healthchecks.io's semantics: up while the last success is within
/// <c>every + grace</c>; a <c>/start</c> with no finish within the grace is down; a <c>/fail</c> (or a non-zero exit code)
/// is down until the next success; never pinged is up-but-waiting until <c>every + grace</c> after the check was first
/// seen, then down.</summary>
public static class HeartbeatVerdict
{
    /// <summary>Judges the pings (any order) of one check at <paramref name="now"/>. The observation is connected when
    /// the heartbeat is up; <see cref="CheckObservation.Error"/> says why it is down, in the language of
    /// <paramref name="words"/> (English by default) with times in <paramref name="zone"/> (UTC by default). Values:
    /// <c>STATE</c> (up, started, waiting, late, failed, down), <c>LAST_PING_AGE_SECONDS</c> when there is a ping.</summary>
    public static CheckObservation Judge(Heartbeat heartbeat, IReadOnlyList<Ping> pings, DateTimeOffset firstSeen, DateTimeOffset now,
        Catalog? words = null, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        words ??= Catalog.English;
        zone ??= TimeZoneInfo.Utc;
        var ordered = pings.OrderByDescending(p => p.At).ToList();
        var finish = ordered.FirstOrDefault(p => p.Kind != PingKind.Start);
        var start = ordered.FirstOrDefault(p => p.Kind == PingKind.Start && (finish is null || p.At > finish.At));
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (ordered.Count > 0) values["LAST_PING_AGE_SECONDS"] = Seconds(now - ordered[0].At);
        var window = heartbeat.Every + heartbeat.Grace;

        (string State, string? Error) verdict;
        if (start is not null && now - start.At > heartbeat.Grace)
            verdict = ("down", words.Format("reason.heartbeat.unfinished", Age(now - start.At), DurationValue.Format(heartbeat.Grace)));
        else if (finish is { Kind: PingKind.Fail } or { Kind: PingKind.Exit, ExitCode: not 0 })
            verdict = ("failed", finish.Kind == PingKind.Exit
                ? words.Format("reason.heartbeat.exit", Age(now - finish.At), finish.ExitCode)
                : words.Format("reason.heartbeat.failed", Age(now - finish.At)));
        else if (finish is not null && now - finish.At > window)
            verdict = ("late", words.Format("reason.heartbeat.late", Age(now - finish.At), DurationValue.Format(heartbeat.Every), DurationValue.Format(heartbeat.Grace)));
        else if (finish is not null)
            verdict = (start is null ? "up" : "started", null);
        else if (start is not null)
            verdict = ("started", null);
        else if (now - firstSeen > window)
            verdict = ("down", words.Format("reason.heartbeat.never", DurationValue.Format(window), ZoneTime.Format(firstSeen, zone)));
        else
            verdict = ("waiting", null);
        values["STATE"] = verdict.State;
        // A pass says what it rests on, for status and the log: the last success, a run in progress, or the wait.
        var said = verdict.State switch
        {
            "up" => words.Format("reason.heartbeat.up", Age(now - finish!.At)),
            "started" => words.Format("reason.heartbeat.started", Age(now - (start ?? finish)!.At)),
            "waiting" => words.Format("reason.heartbeat.waiting", ZoneTime.Format(firstSeen + window, zone)),
            _ => null,
        };
        return new CheckObservation(verdict.Error is null, TimeSpan.Zero) { Error = verdict.Error, Body = said, Values = values };
    }

    /// <summary>An age for a message: whole minutes from an hour up, whole seconds below.</summary>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero) age = TimeSpan.Zero;
        var whole = age >= TimeSpan.FromHours(1) ? TimeSpan.FromMinutes(Math.Floor(age.TotalMinutes)) : TimeSpan.FromSeconds(Math.Floor(age.TotalSeconds));
        return whole == TimeSpan.Zero ? "0s" : DurationValue.Format(whole);
    }

    private static string Seconds(TimeSpan age) => Math.Max(0, Math.Floor(age.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
