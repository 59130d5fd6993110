using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Updates.Manifests;

namespace Jaga.Engine.Updates.Manifests;

/// <summary>Finds the manifests of a project: every one under its root (<c>update.manifests: auto</c>), or the ones the
/// plan lists.</summary>
public static class ManifestDiscovery
{
    /// <summary>Folders never searched: build output, installed packages and virtual environments hold other projects'
    /// manifests, not this one's. Hidden folders (<c>.git</c>, <c>.venv</c>, <c>.tox</c>) are skipped too.</summary>
    public static IReadOnlySet<string> SkippedFolders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "node_modules", "venv", "__pycache__",
    };

    /// <summary>The manifests <c>update.manifests</c> means: every one under <paramref name="root"/> for <c>auto</c>
    /// (<paramref name="listed"/> null), else the ones it lists.</summary>
    public static IReadOnlyList<ManifestFile> For(string root, IReadOnlyList<string>? listed, Catalog words) =>
        listed is null ? Find(root) : Listed(root, listed, words);

    /// <summary>Every manifest under <paramref name="root"/>, ordered by path, each with its path relative to the root.
    /// Symbolic links to folders are not followed, so a link loop cannot make the search endless.</summary>
    public static IReadOnlyList<ManifestFile> Find(string root)
    {
        var found = new List<ManifestFile>();
        var folders = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint, RecurseSubdirectories = false };
        while (folders.TryPop(out var folder))
        {
            foreach (var entry in folder.EnumerateFileSystemInfos("*", options))
            {
                if (entry is DirectoryInfo sub)
                {
                    if (!sub.Name.StartsWith('.') && !SkippedFolders.Contains(sub.Name)) folders.Push(sub);
                }
                else if (ManifestKinds.Of($"{folder.Name}/{entry.Name}") is { } kind)
                {
                    found.Add(new ManifestFile(Relative(root, entry.FullName), kind));
                }
            }
        }
        return [.. found.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>The manifests the plan lists (<c>update.manifests</c>), as paths relative to <paramref name="root"/>. A
    /// path that is not a file, or not a kind Jaga reads, is a <see cref="UserException"/> naming the plan key and the
    /// path; every wrong entry is named at once.</summary>
    public static IReadOnlyList<ManifestFile> Listed(string root, IEnumerable<string> listed, Catalog words)
    {
        var found = new List<ManifestFile>();
        var errors = new List<(string Message, string Hint)>();
        foreach (var path in listed)
        {
            var full = Path.GetFullPath(Path.Combine(root, path));
            if (Relative(root, full).StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(Relative(root, full)))
                errors.Add((words.Format("reason.manifest.list.outside", path), words["reason.manifest.list.missing.hint"]));
            else if (!File.Exists(full)) errors.Add((words.Format("reason.manifest.list.missing", path), words["reason.manifest.list.missing.hint"]));
            else if (ManifestKinds.Of(full) is not { } kind) errors.Add((words.Format("reason.manifest.list.kind", path), words["reason.manifest.list.kind.hint"]));
            else found.Add(new ManifestFile(Relative(root, full), kind));
        }
        if (errors.Count > 0)
            throw new UserException(string.Join(Environment.NewLine, errors.Select(e => e.Message)), string.Join(Environment.NewLine, errors.Select(e => e.Hint).Distinct()));
        return [.. found.DistinctBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>A path relative to <paramref name="root"/> with <c>/</c> separators, as manifests are named.</summary>
    public static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace('\\', '/');
}
