using System.Formats.Tar;
using Jaga.Core.Ports;
using Jaga.Engine.Backup.Sources;
using Jaga.Testing;

namespace Jaga.Sources.Tests;

/// <summary>Files backups as tar archives, checked with the real tar CLI, and restored safely.</summary>
public sealed class FilesSourceTests : IDisposable
{
    private static readonly DateTime Stamp = new(2024, 3, 1, 12, 30, 15, DateTimeKind.Utc);
    private readonly string root = Directory.CreateTempSubdirectory("jaga-files-").FullName;
    private readonly string app;

    public FilesSourceTests()
    {
        app = Path.Combine(root, "app");
        Write("uploads/a.png", "png bytes");
        Write("uploads/sub/b.txt", "bee");
        Write("uploads/x.tmp", "scratch");
        Write("uploads/cache/c.bin", "cached");
        Write("uploads/sub/cache/d.bin", "cached deeper");
        Write("web/node_modules/m.js", "module");
        Write("web/index.html", "<html>");
        Write("web/deep/node_modules/n.js", "module");
        Write("config.yml", "key: value");
        Write("other/not-backed-up.txt", "no");
        Directory.CreateDirectory(Path.Combine(app, "uploads", "empty"));
        File.CreateSymbolicLink(Path.Combine(app, "uploads", "latest.png"), "a.png");
        File.SetUnixFileMode(Path.Combine(app, "config.yml"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetLastWriteTimeUtc(Path.Combine(app, "uploads", "a.png"), Stamp);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private FilesSource Source() => new(app, ["uploads", "./web/", "config.yml"], ["*.tmp", "cache/", "**/node_modules"]);

    [Fact]
    public async Task The_tar_cli_lists_what_was_backed_up_and_nothing_excluded()
    {
        var archive = Path.Combine(root, "files.tar");
        SourceSnapshot snapshot;
        await using (var f = File.Create(archive)) snapshot = await Source().WriteAsync(f);

        var list = await ChildProcess.RunAsync("tar", ["-tf", archive], TimeSpan.FromMinutes(1));

        Assert.Equal(0, list.ExitCode);
        var entries = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(e => e.TrimEnd('/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["config.yml", "uploads", "uploads/a.png", "uploads/empty", "uploads/latest.png", "uploads/sub", "uploads/sub/b.txt", "web", "web/deep", "web/index.html"],
            entries);
        Assert.Equal(new Dictionary<string, long> { ["config.yml"] = 1, ["uploads"] = 3, ["web"] = 1 }, snapshot.Tables);
    }

    [Fact]
    public async Task The_tar_cli_extracts_contents_modes_times_and_links()
    {
        var archive = Path.Combine(root, "files.tar");
        await using (var f = File.Create(archive)) await Source().WriteAsync(f);
        var into = Directory.CreateDirectory(Path.Combine(root, "by-tar")).FullName;

        var extract = await ChildProcess.RunAsync("tar", ["-xf", archive, "-C", into], TimeSpan.FromMinutes(1));

        Assert.True(extract.ExitCode == 0, extract.Output);
        Assert.Equal("bee", await File.ReadAllTextAsync(Path.Combine(into, "uploads/sub/b.txt")));
        Assert.Equal(Stamp, File.GetLastWriteTimeUtc(Path.Combine(into, "uploads/a.png")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(into, "config.yml")));
        Assert.Equal("a.png", new FileInfo(Path.Combine(into, "uploads/latest.png")).LinkTarget);
        Assert.True(Directory.Exists(Path.Combine(into, "uploads/empty")));
    }

    [Fact]
    public async Task A_restore_gives_back_every_file_and_counts_as_the_backup_recorded()
    {
        using var archive = new MemoryStream();
        var snapshot = await Source().WriteAsync(archive);
        var into = Path.Combine(root, "restored");
        var target = new FilesRestoreTarget(into, ["uploads", "./web/", "config.yml"]);

        Assert.True((await target.InspectAsync()).IsEmpty);
        archive.Position = 0;
        await target.RestoreAsync(archive);

        Assert.Equal(snapshot.Tables, await target.CountAsync());
        Assert.Equal("png bytes", await File.ReadAllTextAsync(Path.Combine(into, "uploads/a.png")));
        Assert.Equal(Stamp, File.GetLastWriteTimeUtc(Path.Combine(into, "uploads/a.png")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(into, "config.yml")));
        Assert.Equal("a.png", new FileInfo(Path.Combine(into, "uploads/latest.png")).LinkTarget);
        Assert.True(Directory.Exists(Path.Combine(into, "uploads/empty")));
        Assert.False(File.Exists(Path.Combine(into, "uploads/x.tmp")));
        Assert.Empty(Directory.GetFiles(into, "*.jaga-tmp", SearchOption.AllDirectories));
        // Without the paths, counts go by top-level entry: the same here.
        Assert.Equal(snapshot.Tables, await new FilesRestoreTarget(into).CountAsync());
    }

    [Fact]
    public async Task A_restore_over_existing_files_replaces_them_and_inspect_showed_them_first()
    {
        using var archive = new MemoryStream();
        await Source().WriteAsync(archive);
        var into = Path.Combine(root, "existing");
        Directory.CreateDirectory(Path.Combine(into, "uploads"));
        await File.WriteAllTextAsync(Path.Combine(into, "uploads", "a.png"), "old");
        await File.WriteAllTextAsync(Path.Combine(into, "config.yml"), "old: yes");
        var target = new FilesRestoreTarget(into);

        var state = await target.InspectAsync();
        archive.Position = 0;
        await target.RestoreAsync(archive);

        Assert.False(state.IsEmpty);
        Assert.Equal(["config.yml (8 bytes)", "uploads/ (1 files)"], state.Contents);
        Assert.Equal("png bytes", await File.ReadAllTextAsync(Path.Combine(into, "uploads", "a.png")));
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("uploads/../../evil.txt")]
    [InlineData("/tmp/jaga-evil.txt")]
    public async Task Entries_that_would_land_outside_the_folder_are_refused(string name)
    {
        using var archive = new MemoryStream();
        await using (var tar = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "fine.txt") { DataStream = new MemoryStream("ok"u8.ToArray()) });
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream("evil"u8.ToArray()) });
        }
        var into = Path.Combine(root, "safe", "inside");

        archive.Position = 0;
        var e = await Assert.ThrowsAsync<BackupSourceException>(() => new FilesRestoreTarget(into).RestoreAsync(archive));

        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "safe", "evil.txt")));
        Assert.False(File.Exists(Path.Combine(root, "evil.txt")));
        Assert.False(File.Exists("/tmp/jaga-evil.txt"));
    }

    [Fact]
    public async Task Writing_through_a_restored_symbolic_link_is_refused()
    {
        var outside = Directory.CreateDirectory(Path.Combine(root, "outside")).FullName;
        using var archive = new MemoryStream();
        await using (var tar = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "escape") { LinkName = outside });
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "escape/passwd") { DataStream = new MemoryStream("evil"u8.ToArray()) });
        }

        archive.Position = 0;
        await Assert.ThrowsAsync<BackupSourceException>(() => new FilesRestoreTarget(Path.Combine(root, "into")).RestoreAsync(archive));

        Assert.Empty(Directory.GetFileSystemEntries(outside));
    }

    [Fact]
    public async Task A_missing_path_is_an_error_naming_it_before_anything_is_written()
    {
        using var output = new MemoryStream();

        var e = await Assert.ThrowsAsync<BackupSourceException>(() => new FilesSource(app, ["uploads", "gone"]).WriteAsync(output));

        Assert.Equal($"'gone' not found in {app}", e.Message);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task A_path_outside_the_base_folder_is_refused() =>
        await Assert.ThrowsAsync<BackupSourceException>(() => new FilesSource(app, ["../other"]).WriteAsync(Stream.Null));

    [Fact]
    public async Task A_file_growing_during_the_backup_leaves_a_readable_archive()
    {
        var log = Path.Combine(app, "logs", "app.log");
        Write("logs/app.log", new string('l', 4_000_000));
        using var stop = new CancellationTokenSource();
        var appender = Task.Run(async () =>
        {
            await using var f = new FileStream(log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            var line = new byte[4096];
            while (!stop.IsCancellationRequested)
            {
                await f.WriteAsync(line);
                await f.FlushAsync();
            }
        });
        var archive = Path.Combine(root, "growing.tar");

        for (var i = 0; i < 5; i++)
        {
            await using var f = File.Create(archive);
            await new FilesSource(app, ["logs", "config.yml"]).WriteAsync(f);
        }
        await stop.CancelAsync();
        await appender;

        var list = await ChildProcess.RunAsync("tar", ["-tf", archive], TimeSpan.FromMinutes(1));
        Assert.True(list.ExitCode == 0, list.Output);
        Assert.Contains("config.yml", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scratch_folder_takes_a_restore_and_is_deleted_on_dispose()
    {
        using var archive = new MemoryStream();
        var snapshot = await Source().WriteAsync(archive);

        string path;
        await using (var scratch = FilesScratchFolder.Create(["uploads", "web", "config.yml"]))
        {
            path = scratch.Path;
            archive.Position = 0;
            await scratch.Target.RestoreAsync(archive);
            Assert.Equal(snapshot.Tables, await scratch.Target.CountAsync());
            File.SetUnixFileMode(Path.Combine(path, "uploads", "sub"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        Assert.False(Directory.Exists(path));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(app, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
