namespace Jaga.Core.Updates.Manifests;

/// <summary>Reads the dependencies a manifest declares. PLACEHOLDER while the manifests part is written on its own
/// branch: it must not reach a stop in this form.</summary>
public static class ManifestReader
{
    /// <summary>The dependencies <paramref name="text"/> declares; a file that cannot be read as its kind is a
    /// <see cref="Errors.UserException"/> naming the file, line and the fix.</summary>
    public static IReadOnlyList<Dependency> Read(ManifestFile file, string text) =>
        throw new NotImplementedException($"manifest reading: {file.Kind}");
}
