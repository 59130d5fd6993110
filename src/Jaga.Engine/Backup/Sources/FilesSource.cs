using Jaga.Core.Plan;
using System.Formats.Tar;
using Jaga.Core.Globbing;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup.Sources;

/// <summary>Backs up files and folders as one tar archive (POSIX pax format, readable by any <c>tar</c>), streamed
/// entry by entry, never held in memory. Entries are named relative to the base folder (<c>uploads/a.png</c>) and keep
/// their permissions and modification times; folders are stored even when empty, symbolic links as links.</summary>
/// <remarks>Owners are not stored: a restore belongs to whoever restores. Files are read as they are at that moment, so an
/// application writing to them should be quiet during a backup (a database file belongs in a database source). Anything
/// that is neither a folder, a file with content, nor a link (a socket, a pipe) is stored as an empty file, because
/// .NET cannot tell them apart from empty files and opening a pipe would wait forever.</remarks>
public sealed class FilesSource : IBackupSource
{
    private const int BufferSize = 1024 * 1024;

    private readonly string baseDirectory;
    private readonly IReadOnlyList<string> paths;
    private readonly GlobRules excludes;

    /// <summary>A source for <paramref name="paths"/> (files or folders) relative to <paramref name="baseDirectory"/>,
    /// leaving out what matches <paramref name="excludes"/> (see <see cref="GlobRules"/>).</summary>
    public FilesSource(string baseDirectory, IReadOnlyList<string> paths, IReadOnlyList<string>? excludes = null)
    {
        this.baseDirectory = Path.GetFullPath(baseDirectory);
        this.paths = paths;
        this.excludes = new GlobRules(excludes ?? []);
    }

    public SourceKind Kind => SourceKind.Files;

    public string Extension => ".tar";

    public async Task<SourceSnapshot> WriteAsync(Stream output, CancellationToken ct = default)
    {
        var roots = paths.Select(p => FilePaths.Normalize(baseDirectory, p)).Distinct(StringComparer.Ordinal).ToList();
        // All are checked before anything is written: a plan naming a path that is gone is a mistake to fix, not a smaller backup.
        var missing = roots.Where(r => !Exists(Path.Combine(baseDirectory, r))).ToList();
        if (missing.Count > 0)
            throw new BackupSourceException($"{string.Join(", ", missing.Select(m => $"'{m}'"))} not found in {baseDirectory}");

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var root in roots)
            {
                var full = Path.Combine(baseDirectory, root);
                FileSystemInfo info = Directory.Exists(full) && new DirectoryInfo(full).LinkTarget is null ? new DirectoryInfo(full) : new FileInfo(full);
                counts[root] = await WriteAsync(tar, info, root, ct);
            }
        }
        // No server and no outside tool: the archive is written by .NET itself.
        return new SourceSnapshot(null, new Dictionary<string, string>(), counts);
    }

    /// <summary>Writes <paramref name="info"/> (and what is in it) as <paramref name="name"/>; returns the files written.</summary>
    private async Task<long> WriteAsync(TarWriter tar, FileSystemInfo info, string name, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var folder = FilePaths.IsFolder(info);
        if (excludes.IsExcluded(name, folder)) return 0;
        try
        {
            if (info.LinkTarget is { } target)
            {
                await tar.WriteEntryAsync(Entry(TarEntryType.SymbolicLink, name, info, linkName: target), ct);
                return 1;
            }
            if (!folder) return await WriteFileAsync(tar, (FileInfo)info, name, ct) ? 1 : 0;

            await tar.WriteEntryAsync(Entry(TarEntryType.Directory, name + "/", info), ct);
            long count = 0;
            foreach (var child in FilePaths.Children(info.FullName))
                count += await WriteAsync(tar, child, $"{name}/{child.Name}", ct);
            return count;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Deleted while the backup ran: it is simply not in this backup.
            return 0;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new BackupSourceException($"'{name}' in {baseDirectory} may not be read by this user", e);
        }
    }

    private static async Task<bool> WriteFileAsync(TarWriter tar, FileInfo info, string name, CancellationToken ct)
    {
        var entry = Entry(TarEntryType.RegularFile, name, info);
        // Empty files are not opened: pipes and sockets look like them, and opening a pipe waits for a writer.
        if (info.Length == 0)
        {
            await tar.WriteEntryAsync(entry, ct);
            return true;
        }
        await using var file = new FileStream(info.FullName, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = BufferSize,
            Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
        });
        await using var exact = new ExactLengthStream(file, file.Length);
        entry.DataStream = exact;
        await tar.WriteEntryAsync(entry, ct);
        return true;
    }

    private static PaxTarEntry Entry(TarEntryType type, string name, FileSystemInfo info, string? linkName = null)
    {
        var entry = new PaxTarEntry(type, name)
        {
            ModificationTime = info.LastWriteTimeUtc,
        };
        if (linkName is not null)
        {
            // A link's own permissions mean nothing on Linux, and reading them may follow it to a missing target.
            entry.LinkName = linkName;
            entry.Mode = (UnixFileMode)0b111_111_111;
        }
        else if (!OperatingSystem.IsWindows()) entry.Mode = info.UnixFileMode;
        return entry;
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;
}
