namespace Jaga.Core.Plan;

/// <summary>A command with Nagios plugin exit codes and perfdata (<c>command:</c>).</summary>
public sealed record CommandCheck(
    string Name, string Command, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "command";

    public override string Target => Command;
}
