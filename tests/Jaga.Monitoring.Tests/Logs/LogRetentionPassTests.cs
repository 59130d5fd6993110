using Jaga.Core.Ledger;
using Jaga.Core.LogRetention;

namespace Jaga.Monitoring.Tests.Logs;

/// <summary>One pass over real files, with a real journal: what it renames, compresses, deletes and records.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LogRetentionPassTests
{
    [Fact]
    public async Task Rotation_by_size_renames_and_creates_an_empty_file_with_the_same_mode_and_records_it()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: logs/*.log, max_size: 1KB }\n");
        f.Write("app.log", 4096);
        File.SetUnixFileMode(f.PathOf("app.log"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var report = await f.PassAsync();
        var rotated = Assert.Single(report.Actions, a => a.Done).Action;
        Assert.Equal(LogActionKind.Rotate, rotated.Kind);
        Assert.Equal(0, new FileInfo(f.PathOf("app.log")).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(f.PathOf("app.log")));
        Assert.Equal(4096, new FileInfo(rotated.Target!).Length);
        var entry = Assert.Single(await f.EntriesAsync());
        Assert.Equal("logs.rotate", entry.Kind);
        Assert.Contains("> max_size 1 KB", entry.Message, StringComparison.Ordinal);
        Assert.Equal(entry.Line, Assert.Single(f.JournalLines()));
    }

    [Fact]
    public async Task Rotation_by_age_follows_the_last_rotation()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: logs/app.log, rotate_every: 1d }\n");
        f.Write("app.log", 100);
        Assert.DoesNotContain((await f.PassAsync()).Actions, a => a.Done);
        f.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Single((await f.PassAsync()).Actions, a => a.Done && a.Action.Kind == LogActionKind.Rotate);
        f.Write("app.log", 100);
        f.Clock.Advance(TimeSpan.FromHours(12));
        Assert.DoesNotContain((await f.PassAsync()).Actions, a => a.Done);
        f.Clock.Advance(TimeSpan.FromHours(13));
        Assert.Single((await f.PassAsync()).Actions, a => a.Done && a.Action.Kind == LogActionKind.Rotate);
        Assert.Equal(3, f.Files().Length);
    }

    [Theory]
    [InlineData("zstd", "zstd", ".zst")]
    [InlineData("gzip", "gzip", ".gz")]
    public async Task Compressed_rotated_files_are_readable_by_the_standard_tools(string compress, string tool, string ext)
    {
        await using var f = await LogFolder.CreateAsync($"    - {{ path: logs/app.log, max_size: 1KB, compress: {compress} }}\n");
        var text = string.Concat(Enumerable.Range(1, 500).Select(i => $"line {i}\n"));
        await File.WriteAllTextAsync(f.PathOf("app.log"), text);
        await f.PassAsync();
        var packed = Assert.Single(f.Files(), n => n.EndsWith(ext, StringComparison.Ordinal));
        Assert.Equal(text, LogFolder.Tool(tool, f.PathOf(packed)));
        Assert.Equal(["app.log", packed], f.Files());
        Assert.Equal(["logs.rotate", "logs.compress"], (await f.EntriesAsync()).Select(e => e.Kind));
    }

    [Fact]
    public async Task Delay_compress_leaves_the_newest_rotated_file_until_the_next_pass()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: logs/app.log, max_size: 1KB, compress: zstd, delay_compress: true }\n");
        f.Write("app.log", 2048);
        await f.PassAsync();
        Assert.DoesNotContain(f.Files(), n => n.EndsWith(".zst", StringComparison.Ordinal));
        f.Clock.Advance(TimeSpan.FromSeconds(5));
        f.Write("app.log", 2048);
        await f.PassAsync();
        var files = f.Files();
        Assert.Single(files, n => n.EndsWith(".zst", StringComparison.Ordinal));
        Assert.Equal(3, files.Length);
    }

    [Fact]
    public async Task Keeps_by_count_age_and_total_size_and_deletes_only_rotated_files()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: logs/*.log, count: 3, keep: 10d, total_size: 5KB }\n");
        var now = f.Clock.GetUtcNow();
        f.Write("app.log", 10);
        f.Write("notes.txt", 10);
        f.Write(RotatedName.Format("notes.txt", now.AddDays(-100)), 10);
        for (var d = 1; d <= 5; d++) f.Write(RotatedName.Format("app.log", now.AddDays(-d)), 1024);
        f.Write(RotatedName.Format("app.log", now.AddDays(-20)), 10);
        f.Write(RotatedName.Format("db.log", now.AddHours(-1)), 3000);
        f.Write(RotatedName.Format("db.log", now.AddHours(-2)), 3000);
        var report = await f.PassAsync();
        var deleted = report.Actions.Where(a => a.Done).Select(a => Path.GetFileName(a.Action.Path)).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(RotatedName.Format("app.log", now.AddDays(-20)), deleted);
        Assert.Contains(RotatedName.Format("app.log", now.AddDays(-5)), deleted);
        Assert.Contains(RotatedName.Format("db.log", now.AddHours(-2)), deleted);
        Assert.Contains("notes.txt", f.Files());
        Assert.Contains(RotatedName.Format("notes.txt", now.AddDays(-100)), f.Files());
        Assert.Contains("app.log", f.Files());
        Assert.True(f.Files().Where(n => RotatedName.TryParse(n, out var r) && r.LiveName.EndsWith(".log", StringComparison.Ordinal)).Sum(n => new FileInfo(f.PathOf(n)).Length) <= 5 * 1024);
        Assert.Equal(deleted.Count, (await f.EntriesAsync()).Count(e => e.Kind == "logs.delete"));
    }

    [Fact]
    public async Task Post_rotate_runs_once_per_pass_after_the_rotations()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: logs/*.log, max_size: 1KB, post_rotate: 'ls logs | wc -l >> ran.txt' }\n");
        f.Write("a.log", 2048);
        f.Write("b.log", 2048);
        var report = await f.PassAsync();
        Assert.Equal("exit 0", report.PostRotate);
        Assert.Equal(["4"], File.ReadAllLines(Path.Combine(f.Dir, "ran.txt")).Select(l => l.Trim()));
        await f.PassAsync();
        Assert.Single(File.ReadAllLines(Path.Combine(f.Dir, "ran.txt")));
        Assert.Single(await f.EntriesAsync(), e => e.Kind == "logs.post_rotate");
    }

    [Fact]
    public async Task Failing_post_rotate_is_an_error_line_without_its_output()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: logs/a.log, max_size: 1KB, post_rotate: 'echo secret-stdout; echo nope >&2; exit 3' }\n");
        f.Write("a.log", 2048);
        var report = await f.PassAsync();
        Assert.Equal(1, report.Failed);
        var e = Assert.Single(await f.EntriesAsync(), e => e.Kind == "logs.post_rotate");
        Assert.Equal(Severity.Error, e.Level);
        Assert.Contains("exit 3: nope", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-stdout", e.Line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_is_a_warning_unless_missing_ok()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: logs/gone.log, max_size: 1KB }\n    - { path: logs/also-gone.log, max_size: 1KB, missing_ok: true }\n");
        Assert.True((await f.PassAsync()).Missing);
        Assert.False((await f.PassAsync(target: 1)).Missing);
        var e = Assert.Single(await f.EntriesAsync());
        Assert.Equal((Severity.Warn, "logs.missing"), (e.Level, e.Kind));
    }

    [Fact]
    public async Task Dry_run_changes_and_records_nothing()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: logs/*.log*, max_size: 1KB, count: 1, compress: gzip }\n");
        var now = f.Clock.GetUtcNow();
        f.Write("app.log", 4096);
        f.Write(RotatedName.Format("app.log", now.AddDays(-1)), 100);
        f.Write(RotatedName.Format("app.log", now.AddDays(-2)), 100);
        var before = f.Files().Select(n => (n, File.ReadAllText(f.PathOf(n)))).ToList();
        var report = await f.PassAsync(dryRun: true);
        Assert.Contains(report.Actions, a => a.Action.Kind == LogActionKind.Rotate);
        Assert.Equal(2, report.Actions.Count(a => a.Action.Kind == LogActionKind.Delete));
        Assert.All(report.Actions, a => Assert.False(a.Done));
        Assert.Equal(before, f.Files().Select(n => (n, File.ReadAllText(f.PathOf(n)))).ToList());
        Assert.Empty(await f.EntriesAsync());
        Assert.False(File.Exists(f.Journal.LogPath));
    }

    [Fact]
    public async Task A_rule_whose_glob_covers_the_maintenance_log_leaves_it_alone()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: 'journal/*', max_size: 10B }\n");
        await f.Journal.RecordTextAsync(Severity.Info, "test", new string('x', 200));
        var report = await f.PassAsync();
        Assert.DoesNotContain(report.Actions, a => a.Action.Path.EndsWith("maintenance.log", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(f.Journal.LogPath)!, "maintenance*"));
    }

    [Fact]
    public async Task Repeated_passes_never_rotate_their_own_rotated_files()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: logs/*, max_size: 10B, compress: zstd }\n");
        for (var i = 0; i < 5; i++)
        {
            f.Write("app.log", 100);
            await f.PassAsync();
            f.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var files = f.Files();
        Assert.Equal(6, files.Length);
        Assert.All(files.Where(n => n != "app.log"), n => Assert.Matches(@"^app\.log\.\d{4}-\d\d-\d\dT\d{6}Z\.zst$", n));
    }
}
