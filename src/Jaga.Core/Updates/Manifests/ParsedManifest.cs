namespace Jaga.Core.Updates.Manifests;

/// <summary>What a manifest's parser found: the declarations with where their versions are written, the skipped ones and
/// the included files.</summary>
internal sealed record ParsedManifest(
    IReadOnlyList<Declaration> Declarations,
    IReadOnlyList<SkippedDeclaration> Skipped,
    IReadOnlyList<string> Includes)
{
    public static ParsedManifest Of(IReadOnlyList<Declaration> declarations) => new(declarations, [], []);

    public ManifestContents Contents() => new([.. Declarations.Select(d => d.Dependency)], Skipped, Includes);
}
