using Jaga.Core.Updates.Versions;

namespace Jaga.Core.Updates;

/// <summary>One update the plan proposes: a dependency from its current version to a target.</summary>
/// <param name="Dependency">The declaration to change.</param>
/// <param name="From">The version in use.</param>
/// <param name="To">The version to move to.</param>
/// <param name="Kind">Patch, minor or major.</param>
/// <param name="Security">It fixes an advisory that affects <paramref name="From"/>.</param>
public sealed record PlannedUpdate(Dependency Dependency, string From, string To, UpdateKind Kind, bool Security)
{
    /// <summary>The seed's way of naming the result: <c>numpy==1.26.0</c>.</summary>
    public string Pinned => $"{Dependency.Name}=={To}";
}
