namespace Jaga.Core.Updates.Manifests;

/// <summary>A dependency with the characters of the manifest that hold its version, which an edit replaces.</summary>
/// <param name="Dependency">The dependency as read.</param>
/// <param name="Offset">Where the version's characters start in the text; -1 when the declaration names no version.</param>
/// <param name="Length">How many characters they are.</param>
/// <param name="Refusal">Why this declaration cannot be edited (a version from an MSBuild property, a requirement pinned
/// by hashes), in the catalog's language; null when it can.</param>
internal sealed record Declaration(Dependency Dependency, int Offset, int Length, string? Refusal = null)
{
    public string Written(string text) => Offset < 0 ? "" : text.Substring(Offset, Length);
}
