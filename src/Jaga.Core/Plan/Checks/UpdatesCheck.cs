namespace Jaga.Core.Plan;

/// <summary>Pending security updates, from the findings every dependency audit and <c>jaga patches</c> reading keeps in the
/// state store (<c>updates: { overdue_after: 7d }</c>): a warning while one has been open longer than
/// <see cref="UpdatesWatch.OverdueAfter"/>.</summary>
public sealed record UpdatesCheck(
    string Name, UpdatesWatch Updates, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "updates";

    public override string Target => "overdue_after " + Values.DurationValue.Format(Updates.OverdueAfter);
}
