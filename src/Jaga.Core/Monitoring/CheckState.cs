namespace Jaga.Core.Monitoring;

/// <summary>What the alerting of one check remembers between results; kept in the state store so a restart neither
/// repeats an alert nor forgets a check is down.</summary>
/// <param name="Check">The check's name.</param>
/// <param name="Status">Unknown, up or down.</param>
/// <param name="Since">When <paramref name="Status"/> began.</param>
/// <param name="Failures">Consecutive failures so far (reset by a pass).</param>
/// <param name="Successes">Consecutive passes so far (reset by a failure).</param>
/// <param name="LastAlertAt">When the last down alert or reminder was sent for the current outage; null when none was.</param>
/// <param name="Reason">The reason of the latest result.</param>
public sealed record CheckState(
    string Check, CheckStatus Status, DateTimeOffset Since, int Failures, int Successes, DateTimeOffset? LastAlertAt, string Reason)
{
    public static CheckState Initial(string check, DateTimeOffset now) => new(check, CheckStatus.Unknown, now, 0, 0, null, "");
}
