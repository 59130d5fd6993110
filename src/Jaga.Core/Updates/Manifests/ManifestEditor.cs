namespace Jaga.Core.Updates.Manifests;

/// <summary>Changes one dependency's version in a manifest's text with the smallest diff. PLACEHOLDER while the
/// manifests part is written on its own branch: it must not reach a stop in this form.</summary>
public static class ManifestEditor
{
    /// <summary><paramref name="text"/> with <paramref name="dependency"/>'s declaration moved to
    /// <paramref name="version"/>, every other byte (formatting, comments, line endings, BOM) unchanged.</summary>
    public static string SetVersion(ManifestKind kind, string text, Dependency dependency, string version) =>
        throw new NotImplementedException($"manifest editing: {kind}");
}
