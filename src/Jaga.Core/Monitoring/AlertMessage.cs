namespace Jaga.Core.Monitoring;

/// <summary>One alert to deliver to the check's channels.</summary>
/// <param name="Project">The plan's project, named in every message.</param>
/// <param name="Check">The check's name.</param>
/// <param name="Kind">Down, reminder or recovery.</param>
/// <param name="Reason">Why: the failing condition and observed value, or what the recovering result said.</param>
/// <param name="At">When the event happened (the result's time).</param>
/// <param name="DownSince">When the outage began (for reminders and the recovery: how long it lasted).</param>
/// <param name="Runbook">The runbook the alert names, if any.</param>
/// <param name="Channels">The plan's channel names to deliver to.</param>
public sealed record AlertMessage(
    string Project, string Check, AlertKind Kind, string Reason, DateTimeOffset At, DateTimeOffset DownSince, string? Runbook,
    IReadOnlyList<string> Channels);
