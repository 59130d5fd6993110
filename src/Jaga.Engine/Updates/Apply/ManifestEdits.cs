using System.Text;
using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Manifests;

namespace Jaga.Engine.Updates.Apply;

/// <summary>The manifests' new texts for a set of updates, made by <see cref="ManifestEditor.SetVersion(ManifestKind, string, Dependency, string, Catalog)"/> on the files as
/// they are now, and why an update cannot be tried at all.</summary>
/// <remarks>Texts are read and written as strict UTF-8 without touching a byte-order mark (it stays a character of the
/// text), so the editor's "every other byte unchanged" holds on disk too.</remarks>
internal static class ManifestEdits
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The kind of the manifest that declares <paramref name="dependency"/>: by its file name
    /// (<see cref="ManifestKinds.Of"/>), else by its ecosystem (a <c>Directory.Build.props</c> holds PackageReference
    /// items as a project does).</summary>
    public static ManifestKind KindOf(Dependency dependency)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        var path = dependency.Where.Path;
        return ManifestKinds.Of(path) ?? dependency.Ecosystem switch
        {
            Ecosystem.NuGet => ManifestKind.ProjectFile,
            Ecosystem.Npm => ManifestKind.PackageJson,
            Ecosystem.PyPI => path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase) ? ManifestKind.PyProject : ManifestKind.Requirements,
        };
    }

    /// <summary>Why <paramref name="update"/> cannot be tried in the files as they are now, in <paramref name="words"/>'
    /// language; null when it can.</summary>
    public static string? Refusal(string root, PlannedUpdate update, Catalog words)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(words);
        var path = update.Dependency.Where.Path;
        var kind = KindOf(update.Dependency);
        if (kind is ManifestKind.NuGetLock or ManifestKind.NpmLock) return words.Format("reason.update.lock.file", path);
        if (!RelativePath.IsInside(root, path)) return words.Format("reason.update.outside", path);
        var full = RelativePath.Full(root, path);
        if (!File.Exists(full)) return words.Format("reason.update.missing", path);
        if (Read(full) is not { } text) return words.Format("reason.update.not.utf8", path);
        try
        {
            var edited = ManifestEditor.SetVersion(kind, text, update.Dependency, update.To, words);
            return edited == text ? words.Format("reason.update.unchanged", path, update.To) : null;
        }
        catch (UserException e)
        {
            return e.Hint is null ? e.Message : $"{e.Message} ({e.Hint})";
        }
    }

    /// <summary>Each manifest <paramref name="updates"/> touch, with its text now and after every one of them, in order.
    /// The updates are ones <see cref="Refusal"/> let through.</summary>
    public static IReadOnlyList<ManifestChange> Apply(string root, IEnumerable<PlannedUpdate> updates)
    {
        var changes = new List<ManifestChange>();
        foreach (var file in updates.GroupBy(u => u.Dependency.Where.Path, StringComparer.Ordinal))
        {
            var kind = KindOf(file.First().Dependency);
            var full = RelativePath.Full(root, file.Key);
            var before = Read(full) ?? throw new InvalidDataException($"{file.Key} is not UTF-8 text");
            var after = file.Aggregate(before, (text, u) => ManifestEditor.SetVersion(kind, text, u.Dependency, u.To));
            changes.Add(new ManifestChange(file.Key, kind, before, after));
        }
        return changes;
    }

    /// <summary>The bytes of a manifest's new text, as <see cref="Read"/> read it.</summary>
    public static byte[] Bytes(string text) => Utf8.GetBytes(text);

    private static string? Read(string path)
    {
        try
        {
            return Utf8.GetString(File.ReadAllBytes(path));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
