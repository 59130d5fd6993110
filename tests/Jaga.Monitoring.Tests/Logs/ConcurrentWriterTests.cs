using System.Diagnostics;
using System.Text;
using Jaga.Engine.Logs;
using Xunit.Abstractions;

namespace Jaga.Monitoring.Tests.Logs;

/// <summary>A real writer process appends numbered lines while rotation runs again and again: afterwards every number must
/// be found exactly once across the live file and the rotated ones (decompressed).</summary>
public sealed class ConcurrentWriterTests(ITestOutputHelper output)
{
    // Each writer pauses 10 ms every 400 lines, so that many passes fall inside its run.

    /// <summary>An application that keeps its log open and reopens it on SIGHUP, as nginx and most daemons do.</summary>
    private const string ReopensOnHup = """
        exec 3>>"$1"
        trap 'exec 3>>"$1"' HUP
        echo $$ > "$2"
        i=1; while [ $i -le $3 ]; do echo "$i" >&3; i=$((i+1)); if [ $((i % 400)) -eq 0 ]; then sleep 0.01; fi; done
        """;

    /// <summary>An application that opens, appends and closes for every line (shell scripts, many loggers).</summary>
    private const string OpensPerLine = """
        echo $$ > "$2"
        i=1; while [ $i -le $3 ]; do echo "$i" >>"$1"; i=$((i+1)); if [ $((i % 400)) -eq 0 ]; then sleep 0.01; fi; done
        """;

    /// <summary>An application that keeps its log open forever (O_APPEND) and cannot be told to reopen it.</summary>
    private const string NeverReopens = """
        exec 3>>"$1"
        echo $$ > "$2"
        i=1; while [ $i -le $3 ]; do echo "$i" >&3; i=$((i+1)); if [ $((i % 400)) -eq 0 ]; then sleep 0.01; fi; done
        """;

    /// <remarks>The post_rotate is written as logrotate users write theirs (<c>|| true</c>): the writer may have ended
    /// between the test's look and the signal, and a failed kill would count as a failed pass.</remarks>
    [Fact]
    public async Task Rename_rotation_with_a_writer_that_reopens_on_sighup_loses_no_line()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: logs/app.log, max_size: 4KB, compress: zstd, delay_compress: true, post_rotate: 'kill -HUP $(cat writer.pid) 2>/dev/null || true' }\n");
        var counts = await RunAsync(f, ReopensOnHup, 60_000);
        AssertEveryLineOnce(counts, 60_000);
    }

    [Fact]
    public async Task Rename_rotation_with_a_writer_that_opens_per_line_loses_no_line()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: logs/app.log, max_size: 4KB, compress: gzip, delay_compress: true }\n");
        var counts = await RunAsync(f, OpensPerLine, 20_000);
        AssertEveryLineOnce(counts, 20_000);
    }

    [Fact]
    public async Task Copy_truncate_never_duplicates_a_line_but_may_lose_some()
    {
        await using var f = await LogFolder.CreateAsync("    - { path: logs/app.log, max_size: 4KB, copy_truncate: true, compress: zstd, delay_compress: true }\n");
        var counts = await RunAsync(f, NeverReopens, 60_000);
        // What is true of copytruncate: no line twice, none invented; lines written between the copy and the truncation are gone.
        Assert.All(counts, c => Assert.True(c.Value == 1, $"line {c.Key} found {c.Value} times"));
        Assert.All(counts.Keys, n => Assert.InRange(n, 1, 60_000));
        output.WriteLine($"copy_truncate lost {60_000 - counts.Count} of 60000 lines");
    }

    private async Task<Dictionary<int, int>> RunAsync(LogFolder f, string script, int lines)
    {
        var pidFile = Path.Combine(f.Dir, "writer.pid");
        using var writer = Process.Start(new ProcessStartInfo("/bin/bash")
        {
            ArgumentList = { "-c", script, "writer", f.PathOf("app.log"), pidFile, lines.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            UseShellExecute = false,
        })!;
        try
        {
            while (!File.Exists(pidFile) || new FileInfo(pidFile).Length == 0) await Task.Delay(5);
            var passes = 0;
            var rotations = 0;
            while (!writer.HasExited)
            {
                var report = await f.PassAsync();
                Assert.True(report.Failed == 0, "failed: post_rotate " + report.PostRotate + "; "
                    + string.Join("; ", report.Actions.Where(a => a.Error is not null).Select(a => $"{a.Action.Kind} {a.Error}")));
                rotations += report.Actions.Count(a => a.Done && a.Action.Kind == Core.LogRetention.LogActionKind.Rotate);
                passes++;
                f.Clock.Advance(TimeSpan.FromMilliseconds(300));
                await Task.Delay(5);
            }
            Assert.Equal(0, writer.ExitCode);
            output.WriteLine($"{passes} passes, {rotations} rotations, {f.Files().Length} files");
            Assert.True(rotations >= 5, $"only {rotations} rotations happened while the writer ran");
        }
        finally
        {
            if (!writer.HasExited) writer.Kill();
        }
        var counts = new Dictionary<int, int>();
        foreach (var name in f.Files().Where(n => n.StartsWith("app.log", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(LogFileOps.OpenRead(f.PathOf(name)), Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                Assert.True(int.TryParse(line, out var n), $"torn or foreign line '{line}' in {name}");
                counts[n] = counts.GetValueOrDefault(n) + 1;
            }
        }
        return counts;
    }

    private static void AssertEveryLineOnce(Dictionary<int, int> counts, int lines)
    {
        var missing = Enumerable.Range(1, lines).Where(n => !counts.ContainsKey(n)).Take(10).ToList();
        Assert.True(missing.Count == 0, $"lines lost: {string.Join(", ", missing)}");
        Assert.All(counts, c => Assert.True(c.Value == 1, $"line {c.Key} found {c.Value} times"));
        Assert.Equal(lines, counts.Count);
    }
}
