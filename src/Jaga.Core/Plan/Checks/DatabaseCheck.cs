namespace Jaga.Core.Plan;

/// <summary>A database login and query: [CONNECTED] when it ran, [RESULT] its first value (<c>SELECT 1</c> by default).</summary>
public abstract record DatabaseCheck(
    string Name, string? Query, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    /// <summary>Which database adapter runs the query.</summary>
    public abstract DatabaseKind Database { get; }
}
