using Jaga.Core.Charts;
using Jaga.Core.Monitoring;
using Jaga.Core.Ports;

namespace Jaga.Dashboard.Monitoring;

/// <summary>What the Monitoring page shows: one page of the checks (and hosts watched), how many are in each state, and this
/// machine's host readings.</summary>
/// <param name="Checks">This page's checks: those down first, then those not checked yet, then those up, each in the order
/// of <c>jaga monitor status</c> (the plan's checks, then the hosts).</param>
/// <param name="Host">This machine's newest host sample as gauges; null when the plan watches no host.</param>
/// <param name="Counts">Every check's state, counted (all pages).</param>
/// <param name="Page">Which page of <see cref="PageOf.Checks"/> checks this is.</param>
public sealed record MonitoringView(IReadOnlyList<MonitoredCheck> Checks, HostReading? Host, CheckCounts Counts, PageOf Page);

/// <summary>One row of <c>jaga monitor status</c> as the Monitoring page shows it.</summary>
/// <param name="Name">The check's name (a host's is <c>host:MACHINE</c>).</param>
/// <param name="Kind">What it probes: <c>http</c>, <c>tcp</c>, <c>heartbeat</c>, … or <c>host</c>.</param>
/// <param name="Status">Its alerting state.</param>
/// <param name="Since">Since when it is in that state; null before its first result.</param>
/// <param name="Uptime">Its uptime over 24 h / 7 d / 30 d and p95, from the aggregates.</param>
/// <param name="Reason">The latest result's reason (the condition that failed, when down), already redacted.</param>
/// <param name="Days">Uptime per day of the plan's zone, oldest first.</param>
/// <param name="ResponseTimes">Response times of the last 24 h, in milliseconds.</param>
public sealed record MonitoredCheck(
    string Name, string Kind, CheckStatus Status, DateTimeOffset? Since, string? Reason, CheckUptime Uptime,
    IReadOnlyList<DayUptime> Days, IReadOnlyList<ChartPoint> ResponseTimes);

/// <summary>The host monitor's newest sample of this machine: CPU, memory, swap and each disk of the plan as gauges against
/// the plan's limits, and the load averages (no share, so no gauge).</summary>
/// <param name="Host">This machine's name (its host check is <c>host:NAME</c>).</param>
/// <param name="At">When it was taken; null before the first sample (the gauges then say "not known yet").</param>
/// <param name="Gauges">CPU, memory, swap (when the machine has any) and each disk of the plan.</param>
/// <param name="Load">The load averages over 1, 5 and 15 minutes; null before the first sample.</param>
public sealed record HostReading(string Host, DateTimeOffset? At, IReadOnlyList<Gauge> Gauges, string? Load);

/// <summary>One check as the public status page shows it: its name, up or down, its uptime bars. Nothing else leaves.</summary>
public sealed record PublicCheck(string Name, CheckStatus Status, IReadOnlyList<DayUptime> Days);
