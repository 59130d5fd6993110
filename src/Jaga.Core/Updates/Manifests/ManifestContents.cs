namespace Jaga.Core.Updates.Manifests;

/// <summary>All a manifest says: its dependencies, the declarations read past with their reasons, and the files it
/// includes.</summary>
/// <param name="Dependencies">The dependencies it declares (for a lock file: the direct dependencies it resolves, each with
/// <see cref="Dependency.Resolved"/>).</param>
/// <param name="Skipped">Declarations whose version does not come from a registry.</param>
/// <param name="Includes">Files it names to be read with it (<c>-r base.txt</c> in a requirements file), as written,
/// relative to the manifest's own folder.</param>
public sealed record ManifestContents(
    IReadOnlyList<Dependency> Dependencies,
    IReadOnlyList<SkippedDeclaration> Skipped,
    IReadOnlyList<string> Includes);
