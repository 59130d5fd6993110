using System.Runtime.CompilerServices;
using Jaga.Core.Conditions;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Redaction;

namespace Jaga.Core.Monitoring;

/// <summary>Turns what a probe saw into a result: up, warning or down, with the reason.</summary>
/// <remarks>A check's <c>expect</c> conditions decide. When it has none, the kind's defaults do:
/// <list type="bullet">
/// <item>http: <c>[STATUS] &lt; 400</c></item>
/// <item>tls, starttls: <c>[CONNECTED] == true</c> and <c>[CERTIFICATE_EXPIRATION] &gt; 7d</c></item>
/// <item>dns: <c>[CONNECTED] == true</c> and <c>[DNS_RCODE] == NOERROR</c></item>
/// <item>tcp, icmp, ssh, postgres, sqlite, mysql, process, backup, heartbeat, updates: <c>[CONNECTED] == true</c></item>
/// <item>command: none; the Nagios exit code decides (0 up, 1 warning, 2 down as CRITICAL, 3 or any other down as UNKNOWN),
/// and any <c>expect</c> conditions must hold as well.</item>
/// </list>
/// A probe's own warning (<see cref="CheckObservation.Warning"/>: an updates check's overdue security update) makes a result
/// that passes its conditions a warning.
/// A failure's reason names every failed condition with the value observed, after the probe's error when it got no answer;
/// a pass gets a short summary such as <c>200 in 35 ms</c>.</remarks>
public static class CheckVerdict
{
    private static readonly IReadOnlyList<Condition> Http = [Condition.Parse("[STATUS] < 400")];
    private static readonly IReadOnlyList<Condition> Connected = [Condition.Parse("[CONNECTED] == true")];
    private static readonly IReadOnlyList<Condition> Tls = [Condition.Parse("[CONNECTED] == true"), Condition.Parse("[CERTIFICATE_EXPIRATION] > 7d")];
    private static readonly IReadOnlyList<Condition> Dns = [Condition.Parse("[CONNECTED] == true"), Condition.Parse("[DNS_RCODE] == NOERROR")];

    // Keyed by the check's identity: a reloaded plan brings new Check objects, and the old entries go with the old plan.
    private static readonly ConditionalWeakTable<Check, IReadOnlyList<Condition>> Parsed = [];

    /// <summary>The conditions applied to <paramref name="check"/>: its own, or its kind's defaults.</summary>
    public static IReadOnlyList<Condition> ConditionsOf(Check check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Expect.Count == 0)
        {
            return check switch
            {
                HttpCheck => Http,
                TlsCheck or StarttlsCheck => Tls,
                DnsCheck => Dns,
                CommandCheck => [],
                TcpCheck or IcmpCheck or SshCheck or DatabaseCheck or ProcessCheck or BackupCheck or HeartbeatCheck or UpdatesCheck => Connected,
                _ => throw new ArgumentOutOfRangeException(nameof(check), check.GetType().Name, "a kind of check without default conditions"),
            };
        }
        // The plan was validated when it loaded, so these parse.
        return Parsed.GetValue(check, c => c.Expect.Select(Condition.Parse).ToList());
    }

    /// <summary>The name of a dns check's response code among the probe's values, read as [DNS_RCODE].</summary>
    public const string DnsRcode = "DNS_RCODE";

    /// <summary>The result of <paramref name="check"/> for what its probe saw.</summary>
    /// <param name="check">The check judged.</param>
    /// <param name="o">What its probe saw.</param>
    /// <param name="at">When the probe started.</param>
    /// <param name="redactor">Masks the plan's secrets in the reason. A reason quotes what the probe saw (a plugin's output,
    /// a response body, a driver's error), so it is masked here, where it is made: the history, the outputs and the alerts
    /// all take the result from here and never see the raw text.</param>
    /// <param name="words">The language of Jaga's own words in the reason (English by default); what the probe or plugin
    /// said stays as it said it.</param>
    public static CheckResult Judge(Check check, CheckObservation o, DateTimeOffset at, Redactor redactor, Catalog? words = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(redactor);
        var result = Unmasked(check, o, at, words ?? Catalog.English);
        return result with { Reason = redactor.Redact(result.Reason) };
    }

    private static CheckResult Unmasked(Check check, CheckObservation o, DateTimeOffset at, Catalog words)
    {
        var failed = ConditionsOf(check).Select(c => c.Evaluate(o, words)).Where(r => !r.Passed)
            .Select(r => words.Format("reason.condition.failed", r.Condition.Text, r.Observed)).ToList();
        var plugin = check is CommandCheck ? Plugin(o, words) : null;
        var outcome = failed.Count > 0 ? CheckOutcome.Down : plugin?.Outcome ?? (o.Warning is null ? CheckOutcome.Up : CheckOutcome.Warning);
        if (outcome == CheckOutcome.Up) return new CheckResult(check.Name, at, outcome, o.ResponseTime, Summary(check, o, words));
        var why = new List<string>();
        if (!o.Connected && o.Error is { } error) why.Add(error);
        if (plugin is { Outcome: not CheckOutcome.Up } p && p.Reason != o.Error) why.Add(p.Reason);
        if (plugin is null && o.Warning is { } warning) why.Add(warning);
        why.AddRange(failed);
        return new CheckResult(check.Name, at, outcome, o.ResponseTime, string.Join("; ", why));
    }

    /// <summary>The Nagios plugin convention: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN; the first line of output before '|' says why.</summary>
    private static (CheckOutcome Outcome, string Reason)? Plugin(CheckObservation o, Catalog words)
    {
        if (o.ExitCode is not { } code) return (CheckOutcome.Down, o.Error ?? words["reason.plugin.missing"]);
        var text = FirstLine(o.Body);
        return code switch
        {
            0 => (CheckOutcome.Up, text ?? "OK"),
            1 => (CheckOutcome.Warning, Label("WARNING", text)),
            2 => (CheckOutcome.Down, Label("CRITICAL", text)),
            3 => (CheckOutcome.Down, Label("UNKNOWN", text)),
            _ => (CheckOutcome.Down, Label($"UNKNOWN (exit code {code})", text)),
        };
    }

    private static string Label(string state, string? text) =>
        text is null ? state : text.StartsWith(state, StringComparison.OrdinalIgnoreCase) ? text : $"{state}: {text}";

    private static string Summary(Check check, CheckObservation o, Catalog words)
    {
        var ms = (long)o.ResponseTime.TotalMilliseconds;
        return check switch
        {
            HttpCheck when o.Status is { } status => words.Format("reason.took", status, ms),
            TlsCheck or StarttlsCheck when o.CertificateExpiration is { } left => words.Format("reason.certificate", Plan.Values.DurationValue.Format(left), ms),
            CommandCheck => FirstLine(o.Body) ?? "OK",
            DnsCheck when (FirstLine(o.Body) ?? o.Values.GetValueOrDefault(DnsRcode)) is { } answer => words.Format("reason.took", answer, ms),
            SshCheck when FirstLine(o.Body) is { } banner => words.Format("reason.took", banner, ms),
            DatabaseCheck when o.Result is { } result => words.Format("reason.took", FirstLine(result) ?? words["reason.empty.result"], ms),
            BackupCheck or HeartbeatCheck or ProcessCheck when FirstLine(o.Body) is { } body => body,
            UpdatesCheck when o.Body is { Length: > 0 } summary => summary,
            _ => words.Format("reason.up", ms),
        };
    }

    private static string? FirstLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var line = text.Trim().Split('\n', 2)[0];
        var pipe = line.IndexOf('|', StringComparison.Ordinal);
        line = (pipe >= 0 ? line[..pipe] : line).Trim();
        return line.Length == 0 ? null : line.Length <= 120 ? line : string.Concat(line.AsSpan(0, 120), "…");
    }
}
