using Jaga.Core.Updates;
using Jaga.Core.Updates.Manifests;

namespace Jaga.Engine.Updates.Manifests;

/// <summary>What the project's manifests declare, read together.</summary>
/// <param name="Manifests">Every file read, lock files and included requirements files among them, for the report's
/// header.</param>
/// <param name="Dependencies">Each declaration once, with the version in use where a lock file or the requirement says it.</param>
/// <param name="Skipped">Declarations read past, each with its reason.</param>
public sealed record ProjectDependencyList(
    IReadOnlyList<ManifestFile> Manifests,
    IReadOnlyList<Dependency> Dependencies,
    IReadOnlyList<SkippedDeclaration> Skipped);
