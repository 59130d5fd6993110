namespace Jaga.Core.Env;

/// <summary>A key the project needs, why, and where it was found.</summary>
/// <param name="Key">The variable's name.</param>
/// <param name="RequiredBy">Who asks for it: plan keys (<c>migration.to</c>) and/or the example file (<c>.env.example</c>).</param>
/// <param name="FoundIn">The env file that sets it, <see cref="EnvCheck.Environment"/> for the process environment, or
/// null when it is set nowhere.</param>
public sealed record EnvRequirement(string Key, IReadOnlyList<string> RequiredBy, string? FoundIn)
{
    public bool Missing => FoundIn is null;
}
