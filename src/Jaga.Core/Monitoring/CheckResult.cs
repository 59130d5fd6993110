namespace Jaga.Core.Monitoring;

/// <summary>One run of one check: the verdict and its reason (which condition failed and the value observed).</summary>
/// <param name="Check">The check's name (<c>host</c> for the host monitor).</param>
/// <param name="At">When the probe started.</param>
/// <param name="Outcome">Up, warning or down.</param>
/// <param name="Duration">The response time, stored for uptime and p95 figures.</param>
/// <param name="Reason">For a failure, e.g. <c>[STATUS] == 200 failed: [STATUS] was 503</c>; for a pass, a short summary.</param>
public sealed record CheckResult(string Check, DateTimeOffset At, CheckOutcome Outcome, TimeSpan Duration, string Reason)
{
    public bool Passed => Outcome != CheckOutcome.Down;
}
