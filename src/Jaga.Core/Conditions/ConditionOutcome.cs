namespace Jaga.Core.Conditions;

/// <summary>How one condition came out for one probe, with the values it saw.</summary>
/// <param name="Condition">The condition applied.</param>
/// <param name="Passed">Whether it holds.</param>
/// <param name="Observed">The placeholders' values as the user reads them, e.g. <c>[STATUS] was 503</c> or
/// <c>[BODY].data.status was absent (body is not JSON)</c>.</param>
public sealed record ConditionOutcome(Condition Condition, bool Passed, string Observed)
{
    /// <summary><c>[STATUS] == 200 failed: [STATUS] was 503</c>, or <c>[STATUS] == 200 passed: [STATUS] was 200</c>.</summary>
    public override string ToString() => $"{Condition.Text} {(Passed ? "passed" : "failed")}: {Observed}";
}
