namespace Jaga.Core.Plan;

/// <summary>A monitoring check: what every kind shares (name, rhythm, conditions, dependencies, alerting). The kinds are
/// the sealed records beside this one; a switch over them is exhaustive.</summary>
public abstract record Check(string Name, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
{
    /// <summary>The key that names the check's target (<c>http</c>, <c>tcp</c>, …), for display and metrics labels.</summary>
    public abstract string Kind { get; }

    /// <summary>The target as the plan writes it (URL, host:port, path, command, job name).</summary>
    public abstract string Target { get; }
}
