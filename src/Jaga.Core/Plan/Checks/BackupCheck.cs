namespace Jaga.Core.Plan;

/// <summary>The newest good backup of a job is younger than <c>max_age</c> (<c>backup: job</c>).</summary>
public sealed record BackupCheck(
    string Name, string Backup, TimeSpan MaxAge, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "backup";

    public override string Target => Backup;
}
