using System.Text.RegularExpressions;

namespace Jaga.Cli.Tests;

public sealed partial class LogCommandTests : IDisposable
{
    private readonly Workspace ws = new();

    [Fact]
    public async Task Log_add_writes_the_seeds_line_format_in_the_plans_time_zone()
    {
        ws.Clock.AutoAdvanceAmount = TimeSpan.Zero;
        var r = await ws.Jaga("log", "add", "--level", "WARN", "--by", "rina", "Patch keamanan diterapkan pada modul auth");
        Assert.True(r.Code == 0, r.ToString());
        // 2025-11-14T19:00:00Z is 2025-11-15 02:00:00 in Asia/Jakarta.
        Assert.Equal("[2025-11-15 02:00:00] [WARN] Patch keamanan diterapkan pada modul auth", File.ReadAllLines(ws.LogPath).Single());
        var export = await ws.Jaga("audit", "export");
        Assert.Contains("\"actor\":\"rina\"", export.Out);
    }

    [Fact]
    public async Task Log_filters_by_level_text_tail_and_since()
    {
        await ws.Jaga("log", "add", "Backup database selesai: backup/db_2025-11-15.sql");
        await ws.Jaga("log", "add", "--level", "WARN", "Patch keamanan diterapkan pada modul auth");
        await ws.Jaga("log", "add", "--level", "ERROR", "Disk hampir penuh");
        ws.Clock.Advance(TimeSpan.FromDays(2));
        await ws.Jaga("log", "add", "Monitoring: CPU usage normal, RAM usage 60%");

        Assert.Equal(2, Lines((await ws.Jaga("log", "--level", "WARN")).Out).Length);
        Assert.Single(Lines((await ws.Jaga("log", "--grep", "PATCH")).Out));
        Assert.Matches(@"^\[2025-11-17 02:00:\d\d\] \[INFO\] Monitoring: CPU usage normal, RAM usage 60%$", Lines((await ws.Jaga("log", "--tail", "1")).Out).Single());
        Assert.Single(Lines((await ws.Jaga("log", "--since", "1d")).Out));
        Assert.Contains("\"level\": \"ERROR\"", (await ws.Jaga("log", "--level", "ERROR", "--json")).Out);
    }

    [Fact]
    public async Task Since_a_date_is_read_in_the_plans_time_zone()
    {
        ws.Clock.AutoAdvanceAmount = TimeSpan.Zero;
        await ws.Jaga("log", "add", "sebelum");          // 2025-11-15 02:00:00 in Jakarta
        ws.Clock.Advance(TimeSpan.FromHours(2));
        await ws.Jaga("log", "add", "sesudah");          // 2025-11-15 04:00:00 in Jakarta
        var r = await ws.Jaga("log", "--since", "2025-11-15 03:00");
        Assert.EndsWith("sesudah", r.Out.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("sebelum", r.Out);
        Assert.Contains("sebelum", (await ws.Jaga("log", "--since", "2025-11-14T18:00:00Z")).Out);
    }

    [Fact]
    public async Task Bad_level_and_bad_since_are_usage_errors()
    {
        Assert.Equal(2, (await ws.Jaga("log", "add", "--level", "LOUD", "x")).Code);
        var r = await ws.Jaga("log", "--since", "yesterday-ish");
        Assert.Equal(2, r.Code);
        Assert.Contains("--since", r.Err);
        Assert.False(File.Exists(ws.LogPath), "a refused command writes nothing");
    }

    [Fact]
    public async Task Secrets_never_reach_the_log_the_chain_or_the_output()
    {
        var r1 = await ws.Jaga("log", "add", "Rotated postgres://app:s3cr3t-pw@db.internal:5432/app and token tok-abcdef123456");
        var r2 = await ws.Jaga("validate");
        var export = await ws.Jaga("audit", "export");
        foreach (var text in new[] { r1.Out, r2.Out, export.Out, File.ReadAllText(ws.LogPath) })
        {
            Assert.DoesNotContain("s3cr3t-pw", text);
            Assert.DoesNotContain("tok-abcdef123456", text);
        }
        Assert.Contains("postgres://app:***@db.internal:5432/app", File.ReadAllText(ws.LogPath));
    }

    [Fact]
    public async Task Concurrent_writers_never_interleave_lines_and_the_file_matches_the_chain()
    {
        var tasks = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
                Assert.Equal(0, (await ws.Jaga("log", "add", $"writer {w} entry {i} " + new string('x', 200))).Code);
        }));
        await Task.WhenAll(tasks);
        var lines = File.ReadAllLines(ws.LogPath);
        Assert.Equal(80, lines.Length);
        Assert.All(lines, l => Assert.Matches(LinePattern(), l));
        var verify = await ws.Jaga("audit", "verify");
        Assert.True(verify.Code == 0, verify.ToString());
    }

    [Fact]
    public async Task Verifying_while_others_write_reports_no_false_tampering()
    {
        await ws.Jaga("log", "add", "awal");
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++) Assert.Equal(0, (await ws.Jaga("log", "add", $"writer {w} entry {i}")).Code);
        })).ToList();
        var verifies = Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                var r = await ws.Jaga("audit", "verify", "--no-record");
                Assert.True(r.Code == 0, r.ToString());
            }
        });
        await Task.WhenAll([.. writers, verifies]);
    }

    [Fact]
    public async Task A_crash_between_chain_and_file_is_repaired_by_the_next_write()
    {
        await ws.Jaga("log", "add", "satu");
        await ws.Jaga("log", "add", "dua");
        // Simulate a crash after the chain append of "dua" but before its line was written.
        File.WriteAllLines(ws.LogPath, File.ReadAllLines(ws.LogPath).Take(1));
        await ws.Jaga("log", "add", "tiga");
        var lines = File.ReadAllLines(ws.LogPath);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("dua", lines[1], StringComparison.Ordinal);
        Assert.Equal(0, (await ws.Jaga("audit", "verify")).Code);
    }

    private static string[] Lines(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] \[(INFO|WARN|ERROR)\] writer \d entry \d x{200}$")]
    private static partial Regex LinePattern();

    public void Dispose() => ws.Dispose();
}
