namespace Jaga.Core.Plan;

/// <summary>A value the runbook is started with (<c>--param name=value</c>), read as <paramref name="Type"/>; required
/// when it has no <paramref name="Default"/>; one of <paramref name="Allowed"/> when that list is given.</summary>
public sealed record RunbookParam(string Name, ParamType Type, string? Default, IReadOnlyList<string> Allowed, string? Description)
{
    public bool Required => Default is null;
}
