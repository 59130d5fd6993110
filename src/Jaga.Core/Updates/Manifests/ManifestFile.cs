namespace Jaga.Core.Updates.Manifests;

/// <summary>A manifest found in the project: its path relative to the project root (<c>/</c> separators) and kind.</summary>
public sealed record ManifestFile(string Path, ManifestKind Kind);
