namespace Jaga.Core.Updates.Manifests;

/// <summary>A declaration Jaga reads past: its version does not come from a registry (a workspace, a path, a git URL, an
/// alias, an editable install), so it has nothing to audit or update.</summary>
/// <param name="Name">The package's name as written.</param>
/// <param name="Spec">What the manifest gives instead of a version.</param>
/// <param name="Where">The declaration.</param>
/// <param name="Reason">Why it is skipped, in the catalog's language.</param>
public sealed record SkippedDeclaration(string Name, string Spec, ManifestLocation Where, string Reason);
