namespace Jaga.Core.Updates;

/// <summary>One dependency as a manifest declares it.</summary>
/// <param name="Ecosystem">Whose rules compare its versions.</param>
/// <param name="Name">The package's name as the registry knows it (npm scopes included: <c>@acme/ui</c>; PyPI names as
/// written, compared normalized by PEP 503).</param>
/// <param name="Requirement">The version or range as written in the manifest (<c>13.0.1</c>, <c>[1.0,2.0)</c>,
/// <c>^4.17.0</c>, <c>&gt;=1.26,&lt;2</c>); empty when the manifest names no version.</param>
/// <param name="Resolved">The exact version in use: from a lock file, or the requirement itself when it pins one exact
/// version; null when neither says.</param>
/// <param name="Where">The declaration an update edits.</param>
/// <param name="Scope">Runtime, or only for development and tests.</param>
public sealed record Dependency(
    Ecosystem Ecosystem,
    string Name,
    string Requirement,
    string? Resolved,
    ManifestLocation Where,
    DependencyScope Scope);

/// <summary>Where a dependency is declared: the manifest's path relative to the project root, with <c>/</c>
/// separators, and the 1-based line.</summary>
public sealed record ManifestLocation(string Path, int Line)
{
    public override string ToString() => $"{Path}:{Line}";
}

public enum DependencyScope
{
    Runtime,
    Development,
}
