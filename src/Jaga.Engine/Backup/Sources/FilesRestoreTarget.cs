using System.Formats.Tar;
using System.Globalization;
using Jaga.Core.Globbing;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup.Sources;

/// <summary>Restores a files backup (a tar archive) into a folder: each file written under a temporary name and renamed
/// into place, permissions and modification times as stored. Entries that would land outside the folder, or be
/// written through a symbolic link, are refused.</summary>
public sealed class FilesRestoreTarget : IRestoreTarget
{
    private const int BufferSize = 1024 * 1024;
    private const int Shown = 20;

    private readonly string folder;
    private readonly IReadOnlyList<string>? paths;

    /// <summary>A target for <paramref name="folder"/> (created if missing). <see cref="CountAsync"/> counts files per
    /// path of <paramref name="paths"/> (the backed-up paths, as in the source), or per top-level entry when null.</summary>
    public FilesRestoreTarget(string folder, IReadOnlyList<string>? paths = null)
    {
        this.folder = Path.GetFullPath(folder);
        this.paths = paths;
    }

    public string Description => folder;

    public Task<TargetState> InspectAsync(CancellationToken ct = default) => Task.Run(() =>
    {
        if (!Directory.Exists(folder)) return new TargetState(true, []);
        var entries = FilePaths.Children(folder).ToList();
        var shown = entries.Take(Shown).Select(e => FilePaths.IsFolder(e)
            ? $"{e.Name}/ ({FilePaths.CountFiles(folder, e.Name, GlobRules.None).ToString("N0", CultureInfo.InvariantCulture)} files)"
            : e is FileInfo { LinkTarget: null } f ? $"{e.Name} ({f.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)" : e.Name).ToList();
        if (entries.Count > Shown) shown.Add($"… and {entries.Count - Shown} more");
        return new TargetState(entries.Count == 0, shown);
    }, ct);

    public async Task RestoreAsync(Stream plain, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var folders = new List<(string Path, UnixFileMode Mode, DateTimeOffset Time)>();
        await using var reader = new TarReader(plain, leaveOpen: true);
        try
        {
            while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType is TarEntryType.GlobalExtendedAttributes) continue;
                var name = FilePaths.ArchiveName(entry.Name);
                if (name.Length == 0) continue;
                var target = Path.Combine(folder, name);
                EnsureNoLinkOnTheWay(name);
                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        Directory.CreateDirectory(target);
                        folders.Add((target, entry.Mode, entry.ModificationTime));
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        await WriteFileAsync(target, entry.DataStream ?? Stream.Null, entry.Mode, entry.ModificationTime, ct);
                        break;
                    case TarEntryType.SymbolicLink:
                        Replace(target);
                        File.CreateSymbolicLink(target, entry.LinkName);
                        break;
                    case TarEntryType.HardLink:
                        var linked = FilePaths.ArchiveName(entry.LinkName);
                        EnsureNoLinkOnTheWay(linked);
                        await using (var source = File.OpenRead(Path.Combine(folder, linked)))
                            await WriteFileAsync(target, source, entry.Mode, entry.ModificationTime, ct);
                        break;
                    default:
                        // Devices and pipes are not data to restore.
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupSourceException($"restoring into {folder} failed: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new BackupSourceException($"the backup is not a readable tar archive: {e.Message}", e);
        }
        finally
        {
            // Last, and deepest first: writing files into a folder changes its time, and a read-only folder takes no files.
            foreach (var (path, mode, time) in Enumerable.Reverse(folders))
            {
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
                Directory.SetLastWriteTimeUtc(path, time.UtcDateTime);
            }
        }
    }

    public Task<IReadOnlyDictionary<string, long>> CountAsync(CancellationToken ct = default) => Task.Run(() =>
    {
        IReadOnlyDictionary<string, long> counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return counts;
        var roots = paths?.Select(p => FilePaths.Normalize(folder, p)) ?? FilePaths.Children(folder).Select(e => e.Name);
        return new SortedDictionary<string, long>(
            roots.Distinct(StringComparer.Ordinal).ToDictionary(r => r, r => FilePaths.CountFiles(folder, r, GlobRules.None)),
            StringComparer.Ordinal);
    }, ct);

    private static async Task WriteFileAsync(string target, Stream data, UnixFileMode mode, DateTimeOffset time, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.jaga-tmp");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await data.CopyToAsync(file, BufferSize, ct);
                file.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, mode);
            File.SetLastWriteTimeUtc(temp, time.UtcDateTime);
            Replace(target);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Clears the way for a file or link: an old link goes (a rename over it would do the same); a folder stays,
    /// and the restore fails rather than delete what is in it.</summary>
    private static void Replace(string target)
    {
        var existing = new FileInfo(target);
        if (existing.LinkTarget is not null) existing.Delete();
        else if (Directory.Exists(target))
            throw new BackupSourceException($"'{target}' is a folder, and the backup holds a file there; move it away and restore again");
    }

    /// <summary>Refuses to write through a symbolic link: an archive holding <c>x → /etc</c> and then <c>x/passwd</c>
    /// must not reach outside the folder.</summary>
    private void EnsureNoLinkOnTheWay(string name)
    {
        var path = folder;
        foreach (var part in name.Split('/')[..^1])
        {
            path = Path.Combine(path, part);
            if (new DirectoryInfo(path).LinkTarget is not null)
                throw new BackupSourceException($"the archive writes '{name}' through the symbolic link '{Path.GetRelativePath(folder, path)}'; nothing past it was restored");
        }
    }
}
