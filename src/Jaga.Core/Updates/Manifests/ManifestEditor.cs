using Jaga.Core.Messages;

namespace Jaga.Core.Updates.Manifests;

/// <summary>Changes one dependency's version in a manifest's text with the smallest diff: only the characters of the
/// version or range are replaced, so formatting, comments, attribute order, line endings and a leading byte order mark
/// stay as they were.</summary>
/// <remarks>The requirement keeps its notation and operator and takes the new version: NuGet <c>13.0.1</c> →
/// <c>13.0.3</c> and <c>[1.2.3]</c> → <c>[1.2.4]</c>; npm <c>^4.17.0</c> → <c>^4.18.2</c>; PEP 440 <c>==1.25.0</c> →
/// <c>==1.26.0</c>, <c>~=1.25</c> → <c>~=1.26.0</c> (the compatible series narrows to the new version's) and
/// <c>&gt;=1.25,&lt;2</c> → <c>&gt;=1.26.0,&lt;2</c>. A range's upper bound stays, and must still admit the version. An
/// edit that cannot keep the requirement's meaning that way (a wildcard, a union, no lower bound, a version from an
/// MSBuild property, a requirement pinned by hashes, a lock file) is refused with the reason.</remarks>
public static class ManifestEditor
{
    /// <summary><paramref name="text"/> with <paramref name="dependency"/>'s declaration moved to
    /// <paramref name="version"/>, every other byte (formatting, comments, line endings, BOM) unchanged.</summary>
    public static string SetVersion(ManifestKind kind, string text, Dependency dependency, string version) =>
        SetVersion(kind, text, dependency, version, Catalog.English);

    /// <summary>As <see cref="SetVersion(ManifestKind, string, Dependency, string)"/>, with the refusals worded in
    /// <paramref name="words"/>' language.</summary>
    /// <exception cref="ManifestException">The declaration is no longer where <paramref name="dependency"/> says (the
    /// file changed since it was read), or its requirement cannot be moved without changing what it means.</exception>
    public static string SetVersion(ManifestKind kind, string text, Dependency dependency, string version, Catalog words)
    {
        var where = dependency.Where;
        if (kind is ManifestKind.NuGetLock or ManifestKind.NpmLock)
            throw new ManifestException(where.Path, where.Line, words["reason.manifest.edit.lock"], words["reason.manifest.edit.lock.hint"]);
        var parsed = ManifestReader.Parse(new ManifestFile(where.Path, kind), text, words);
        var declaration = parsed.Declarations.FirstOrDefault(d => d.Dependency.Where.Line == where.Line && SameName(d.Dependency, dependency))
            ?? throw new ManifestException(where.Path, where.Line, words.Format("reason.manifest.edit.notfound", dependency.Name), words["reason.manifest.edit.notfound.hint"]);
        if (declaration.Refusal is { } refusal) throw new ManifestException(where.Path, where.Line, refusal);
        if (declaration.Offset < 0)
            throw new ManifestException(where.Path, where.Line, words.Format("reason.manifest.edit.noversion", dependency.Name), words["reason.manifest.edit.noversion.hint"]);
        var written = declaration.Written(text);
        var moved = dependency.Ecosystem switch
        {
            Ecosystem.NuGet => NuGetRequirement.Move(written, version, words),
            Ecosystem.Npm => NpmRequirement.Move(written, version, words),
            Ecosystem.PyPI => Pep440Requirement.Move(written, version, words),
        };
        if (moved.Text is not { } replacement) throw new ManifestException(where.Path, where.Line, moved.Refusal!);
        return string.Concat(text.AsSpan(0, declaration.Offset), replacement, text.AsSpan(declaration.Offset + declaration.Length));
    }

    private static bool SameName(Dependency found, Dependency wanted) =>
        found.Ecosystem == wanted.Ecosystem && found.Ecosystem switch
        {
            Ecosystem.NuGet => found.Name.Equals(wanted.Name, StringComparison.OrdinalIgnoreCase),
            Ecosystem.Npm => found.Name == wanted.Name,
            Ecosystem.PyPI => Pep508Requirement.Normalized(found.Name) == Pep508Requirement.Normalized(wanted.Name),
        };
}
