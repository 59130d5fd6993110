using Jaga.Core.Updates.Manifests;

namespace Jaga.Engine.Updates.Apply;

/// <summary>A lock file an update changes, and the ecosystem's own command that rewrites it from the edited manifest.</summary>
/// <param name="LockPath">The lock file, relative to the project root with <c>/</c> separators.</param>
/// <param name="Folder">Where the command runs (absolute).</param>
/// <param name="Command">The program and its arguments.</param>
internal sealed record LockRefresh(string LockPath, string Folder, IReadOnlyList<string> Command)
{
    /// <summary>The folders a search for lock files never enters: build output, installed packages, Jaga's own.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "bin", "obj", "node_modules", ".venv", ".git", ".jaga" };

    /// <summary>The command as a person would type it, with its folder: <c>dotnet restore --force-evaluate App.csproj in src/App</c>.</summary>
    public string Describe(string root) => $"{string.Join(' ', Command)} in {(RelativePath.Of(root, Folder) is { Length: > 0 } f ? f : ".")}";

    /// <summary>The lock files beside (or, for central package management, below) a manifest, each with its refresh:
    /// <c>dotnet restore --force-evaluate</c> where a packages.lock.json is, <c>npm install --package-lock-only
    /// --ignore-scripts</c> where a package-lock.json is; nothing for Python's manifests, which have no lock file here.</summary>
    public static IReadOnlyList<LockRefresh> For(string root, string manifest, ManifestKind kind)
    {
        var path = RelativePath.Full(root, manifest);
        var folder = Path.GetDirectoryName(path)!;
        return kind switch
        {
            ManifestKind.ProjectFile => NuGet(root, folder, Path.GetFileName(path)),
            ManifestKind.CentralPackages => [.. LocksBelow(folder).SelectMany(lockFolder => NuGet(root, lockFolder, ProjectIn(lockFolder)))],
            ManifestKind.PackageJson => File.Exists(Path.Combine(folder, "package-lock.json"))
                ? [new LockRefresh(RelativePath.Of(root, Path.Combine(folder, "package-lock.json")), folder, ["npm", "install", "--package-lock-only", "--ignore-scripts"])]
                : [],
            ManifestKind.NuGetLock or ManifestKind.NpmLock or ManifestKind.Requirements or ManifestKind.PyProject => [],
        };
    }

    private static IReadOnlyList<LockRefresh> NuGet(string root, string folder, string? project)
    {
        var lockFile = Path.Combine(folder, "packages.lock.json");
        if (!File.Exists(lockFile)) return [];
        // The project is named: a folder with two projects (or a project and a solution) makes a bare restore refuse.
        List<string> command = ["dotnet", "restore", "--force-evaluate"];
        if (project is not null) command.Add(project);
        return [new LockRefresh(RelativePath.Of(root, lockFile), folder, command)];
    }

    private static string? ProjectIn(string folder)
    {
        var projects = Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || f.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase)).ToList();
        return projects.Count == 1 ? Path.GetFileName(projects[0]) : null;
    }

    private static IEnumerable<string> LocksBelow(string folder)
    {
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var dir))
        {
            if (File.Exists(Path.Combine(dir, "packages.lock.json"))) yield return dir;
            foreach (var sub in Directory.EnumerateDirectories(dir).Where(d => !Skipped.Contains(Path.GetFileName(d))).OrderDescending(StringComparer.Ordinal))
                pending.Push(sub);
        }
    }
}
