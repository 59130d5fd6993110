using System.Globalization;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Conditions;

/// <summary>Resolves a placeholder against what a probe saw, the way Gatus does: numbers as invariant text, durations in
/// milliseconds, <c>len()</c> and <c>has()</c> applied last.</summary>
internal static class ObservationReader
{
    public static ObservedValue Read(PlaceholderOperand p, CheckObservation o)
    {
        var length = (int?)null;
        var value = p.Placeholder switch
        {
            Placeholder.Status => o.Status is { } s ? ObservedValue.Of(Invariant(s)) : ObservedValue.Missing(NoAnswer(o, "no HTTP status")),
            Placeholder.ResponseTime => ObservedValue.Of(Invariant((long)o.ResponseTime.TotalMilliseconds), $"{(long)o.ResponseTime.TotalMilliseconds} ms"),
            Placeholder.Connected => ObservedValue.Of(o.Connected ? "true" : "false"),
            Placeholder.CertificateExpiration => o.CertificateExpiration is { } c
                ? ObservedValue.Of(Invariant((long)c.TotalMilliseconds), c > TimeSpan.Zero ? DurationValue.Format(c) : Left(c))
                : ObservedValue.Missing(NoAnswer(o, "no certificate")),
            Placeholder.Result => o.Result is { } r ? ObservedValue.Of(r) : ObservedValue.Missing(NoAnswer(o, "no query result")),
            Placeholder.ExitCode => o.ExitCode is { } e ? ObservedValue.Of(Invariant(e)) : ObservedValue.Missing(NoAnswer(o, "no exit code")),
            Placeholder.Perf => o.Values.TryGetValue(p.Path, out var v) ? ObservedValue.Of(v, Shown(p.Path, v))
                : ObservedValue.Missing(o.Absent.TryGetValue(p.Path, out var why) ? why
                    : ConditionParser.NamedValues.ContainsKey(p.Path) ? NoAnswer(o, $"no value [{p.Path}]") : $"no performance value '{p.Path}'"),
            _ => Body(p, o, out length),
        };
        return p.Function switch
        {
            ConditionFunction.Has => ObservedValue.Of(value.Absent is null && value.Value!.Length > 0 ? "true" : "false"),
            ConditionFunction.Len when value.Absent is null => ObservedValue.Of(Invariant(length ?? value.Value!.Length)),
            _ => value,
        };
    }

    private static ObservedValue Body(PlaceholderOperand p, CheckObservation o, out int? length)
    {
        length = null;
        if (o.Body is null) return ObservedValue.Missing(NoAnswer(o, "no body"));
        var body = o.Body.Trim();
        if (p.Path.Length == 0)
        {
            // len([BODY]) counts the items of a JSON body, like Gatus, and characters otherwise.
            if (p.Function == ConditionFunction.Len && JsonPath.TryRead(body, "", out _, out var rootLength, out _)) length = rootLength;
            return ObservedValue.Of(body);
        }
        if (!JsonPath.TryRead(body, p.Path, out var value, out var count, out var absent)) return ObservedValue.Missing(absent!);
        length = count;
        return ObservedValue.Of(value!);
    }

    /// <summary>A named value that is a duration in milliseconds reads as a duration (<c>[OLDEST] was 9d2h</c>).</summary>
    private static string? Shown(string name, string value) =>
        ConditionParser.NamedValues.TryGetValue(name, out var kind) && kind == NamedValueKind.Duration
        && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? Left(TimeSpan.FromMilliseconds(ms)) : null;

    /// <summary>Time left until an expiry, or how long ago it passed.</summary>
    private static string Left(TimeSpan t) => t >= TimeSpan.Zero ? DurationValue.Format(t) : $"expired {DurationValue.Format(-t)} ago";

    /// <summary>When the probe got no answer at all, its error says more than "no status".</summary>
    private static string NoAnswer(CheckObservation o, string what) => !o.Connected && o.Error is not null ? $"{what}: {o.Error}" : what;

    private static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);
}
