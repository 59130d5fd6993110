namespace Jaga.Core.Plan;

/// <summary>A running process, by name or pid file (<c>process:</c>).</summary>
public sealed record ProcessCheck(
    string Name, string Process, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "process";

    public override string Target => Process;
}
