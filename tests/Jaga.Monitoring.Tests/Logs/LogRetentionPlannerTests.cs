using Jaga.Core.Globbing;
using Jaga.Core.Plan;
using Jaga.Core.LogRetention;

namespace Jaga.Monitoring.Tests.Logs;

public sealed class LogRetentionPlannerTests
{
    private const long MB = 1024 * 1024;
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Glob Glob = Glob.Parse("/srv/app/logs/*.log*", wildcardsMatchHidden: false);

    private static LogPolicy Policy(long? maxSize = null, TimeSpan? every = null, int? count = null, TimeSpan? keep = null, long? total = null, Compression compress = Compression.None, bool delay = false) =>
        new(maxSize, every, count, keep, total, compress, delay);

    private static FoundLogFile Live(string name, long size, DateTimeOffset? created = null) =>
        new($"/srv/app/logs/{name}", size, Now.AddMinutes(-1), created ?? Now.AddDays(-1));

    private static FoundLogFile Rotated(string live, DateTimeOffset at, long size = MB, int counter = 0, string ext = "") =>
        new($"/srv/app/logs/{RotatedName.Format(live, at, counter)}{ext}", size, at, at);

    [Fact]
    public void Rotated_names_sort_by_date_and_read_back()
    {
        var name = RotatedName.Format("app.log", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal("app.log.2026-12-01T020000Z", name);
        Assert.Equal("app.log.2026-12-01T020000Z-03", RotatedName.Format("app.log", Now, 3));
        Assert.True(RotatedName.TryParse("app.log.2026-12-01T020000Z-03.zst", out var r));
        Assert.Equal(("app.log", 3, Compression.Zstd), (r.LiveName, r.Counter, r.Compress));
        Assert.False(RotatedName.TryParse("app.log", out _));
        Assert.False(RotatedName.TryParse("app.log.1", out _));
        Assert.False(RotatedName.TryParse(".app.log.2026-12-01T020000Z.zst.123.abc.tmp", out _));
    }

    [Fact]
    public void Rotates_when_larger_than_max_size_and_says_so()
    {
        var actions = LogRetentionPlanner.Plan(Policy(maxSize: 100 * MB), Glob, [Live("app.log", 120 * MB)], Now);
        var a = Assert.Single(actions);
        Assert.Equal(LogActionKind.Rotate, a.Kind);
        Assert.Equal("/srv/app/logs/app.log.2026-12-01T020000Z", a.Target);
        Assert.Equal("size 120 MiB > max_size 100 MiB", a.Reason);
    }

    [Fact]
    public void Does_not_rotate_below_max_size_or_when_empty()
    {
        var actions = LogRetentionPlanner.Plan(Policy(maxSize: 100 * MB, every: TimeSpan.FromDays(1)), Glob, [Live("small.log", 5 * MB, Now.AddHours(-2)), Live("empty.log", 0, Now.AddDays(-9))], Now);
        Assert.All(actions, a => Assert.Equal(LogActionKind.Skip, a.Kind));
        Assert.Contains(actions, a => a.Reason == "empty");
        Assert.Contains(actions, a => a.Reason.Contains("< rotate_every 1d", StringComparison.Ordinal));
    }

    [Fact]
    public void Rotates_by_age_counted_from_the_last_rotation()
    {
        var files = new[] { Live("app.log", 10), Rotated("app.log", Now.AddHours(-25)) };
        var a = LogRetentionPlanner.Plan(Policy(every: TimeSpan.FromDays(1)), Glob, files, Now)[0];
        Assert.Equal(LogActionKind.Rotate, a.Kind);
        Assert.StartsWith("last rotation 1d1h ago", a.Reason, StringComparison.Ordinal);
        var recent = new[] { Live("app.log", 10, Now.AddDays(-30)), Rotated("app.log", Now.AddHours(-3)) };
        Assert.Equal(LogActionKind.Skip, LogRetentionPlanner.Plan(Policy(every: TimeSpan.FromDays(1)), Glob, recent, Now).First(x => x.Path.EndsWith("app.log", StringComparison.Ordinal)).Kind);
    }

    [Fact]
    public void A_second_rotation_in_the_same_second_gets_a_unique_name()
    {
        var files = new[] { Live("app.log", 200 * MB), Rotated("app.log", Now), Rotated("app.log", Now, counter: 1, ext: ".zst") };
        var a = LogRetentionPlanner.Plan(Policy(maxSize: MB), Glob, files, Now.AddMilliseconds(400)).Single(x => x.Kind == LogActionKind.Rotate);
        Assert.Equal("/srv/app/logs/app.log.2026-12-01T020000Z-02", a.Target);
    }

    [Fact]
    public void Glob_that_matches_rotated_files_never_takes_them_for_live_logs()
    {
        var files = new[] { Live("app.log", 500 * MB), Rotated("app.log", Now.AddDays(-1), 500 * MB), Rotated("app.log", Now.AddDays(-2), 500 * MB, ext: ".gz") };
        var actions = LogRetentionPlanner.Plan(Policy(maxSize: MB), Glob, files, Now);
        var rotate = Assert.Single(actions, a => a.Kind == LogActionKind.Rotate);
        Assert.Equal("/srv/app/logs/app.log", rotate.Path);
    }

    [Fact]
    public void Files_outside_the_glob_and_rotated_files_of_other_logs_are_never_touched()
    {
        var glob = Glob.Parse("/srv/app/logs/app*.log", wildcardsMatchHidden: false);
        var files = new[]
        {
            Live("app.log", 500 * MB), Live("other.txt", 500 * MB), Rotated("db.log", Now.AddDays(-400)), Rotated("app.log", Now.AddDays(-400)),
            new FoundLogFile("/srv/app/logs/.app.log.tmp", 500 * MB, Now, Now),
        };
        var actions = LogRetentionPlanner.Plan(Policy(maxSize: MB, keep: TimeSpan.FromDays(30)), glob, files, Now);
        Assert.All(actions, a => Assert.Contains("/app.log", a.Path, StringComparison.Ordinal));
        Assert.Contains(actions, a => a.Kind == LogActionKind.Delete && a.Path.Contains("app.log.2025", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_count_newest_including_the_one_rotated_now()
    {
        var files = new List<FoundLogFile> { Live("app.log", 2 * MB) };
        for (var d = 1; d <= 5; d++) files.Add(Rotated("app.log", Now.AddDays(-d)));
        var actions = LogRetentionPlanner.Plan(Policy(maxSize: MB, count: 3), Glob, files, Now);
        var deleted = actions.Where(a => a.Kind == LogActionKind.Delete).Select(a => a.Path).ToList();
        Assert.Equal(3, deleted.Count);
        Assert.Contains("/srv/app/logs/" + RotatedName.Format("app.log", Now.AddDays(-3)), deleted);
        Assert.Contains(actions, a => a.Reason.StartsWith("count 3: the 4th newest", StringComparison.Ordinal));
    }

    [Fact]
    public void Deletes_by_age_and_names_the_limit()
    {
        var files = new[] { Rotated("app.log", Now.AddDays(-31)), Rotated("app.log", Now.AddDays(-29)), Live("app.log", 1) };
        var d = Assert.Single(LogRetentionPlanner.Plan(Policy(keep: TimeSpan.FromDays(30)), Glob, files, Now), a => a.Kind == LogActionKind.Delete);
        Assert.Equal("age 31d > keep 30d", d.Reason);
    }

    [Fact]
    public void Total_size_counts_the_whole_rule_and_removes_everything_older_than_the_limit()
    {
        var files = new[]
        {
            Rotated("a.log", Now.AddHours(-1), 40 * MB), Rotated("b.log", Now.AddHours(-2), 40 * MB),
            Rotated("a.log", Now.AddHours(-3), 40 * MB), Rotated("b.log", Now.AddHours(-4), 1 * MB),
        };
        var deleted = LogRetentionPlanner.Plan(Policy(total: 100 * MB), Glob, files, Now).Where(a => a.Kind == LogActionKind.Delete).ToList();
        Assert.Equal(2, deleted.Count);
        Assert.All(deleted, a => Assert.StartsWith("total_size 100", a.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Compresses_rotated_files_except_the_newest_with_delay_compress()
    {
        var files = new[] { Live("app.log", 2 * MB), Rotated("app.log", Now.AddDays(-1)), Rotated("app.log", Now.AddDays(-2), ext: ".zst") };
        var plain = LogRetentionPlanner.Plan(Policy(maxSize: MB, compress: Compression.Zstd), Glob, files, Now);
        Assert.Equal(2, plain.Count(a => a.Kind == LogActionKind.Compress));
        var delayed = LogRetentionPlanner.Plan(Policy(maxSize: MB, compress: Compression.Zstd, delay: true), Glob, files, Now);
        var c = Assert.Single(delayed, a => a.Kind == LogActionKind.Compress);
        Assert.Equal("/srv/app/logs/" + RotatedName.Format("app.log", Now.AddDays(-1)) + ".zst", c.Target);
        Assert.Contains(delayed, a => a.Kind == LogActionKind.Skip && a.Reason.StartsWith("delay_compress", StringComparison.Ordinal));
    }

    [Fact]
    public void An_interrupted_compression_leaves_the_original_to_delete_not_to_count_twice()
    {
        var files = new[] { Rotated("app.log", Now.AddDays(-1)), Rotated("app.log", Now.AddDays(-1), ext: ".zst") };
        var actions = LogRetentionPlanner.Plan(Policy(count: 1, compress: Compression.Zstd), Glob, files, Now);
        var d = Assert.Single(actions);
        Assert.Equal(LogActionKind.Delete, d.Kind);
        Assert.EndsWith("020000Z", d.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_every_limit_holds_after_the_pass_and_nothing_foreign_is_touched()
    {
        var random = new Random(20261201);
        for (var run = 0; run < 500; run++)
        {
            var policy = Policy(
                maxSize: random.Next(3) == 0 ? null : random.Next(1, 50) * MB, every: random.Next(3) == 0 ? TimeSpan.FromDays(1) : null,
                count: random.Next(3) == 0 ? null : random.Next(1, 6), keep: random.Next(3) == 0 ? null : TimeSpan.FromDays(random.Next(1, 40)),
                total: random.Next(3) == 0 ? null : random.Next(1, 300) * MB, compress: random.Next(2) == 0 ? Compression.None : Compression.Gzip, delay: random.Next(2) == 0);
            var files = new List<FoundLogFile>();
            foreach (var live in new[] { "a.log", "b.log" })
            {
                if (random.Next(4) > 0) files.Add(Live(live, random.Next(0, 100) * MB));
                for (var i = 0; i < random.Next(0, 12); i++)
                    files.Add(Rotated(live, Now.AddHours(-random.Next(1, 24 * 60)), random.Next(1, 60) * MB, random.Next(3) == 0 ? 1 : 0, random.Next(2) == 0 ? "" : ".gz"));
            }
            files.Add(new FoundLogFile("/srv/app/logs/notes.txt", MB, Now, Now));
            files.Add(Rotated("notes.txt", Now.AddDays(-300)));
            files = [.. files.DistinctBy(f => f.Path)];

            var actions = LogRetentionPlanner.Plan(policy, Glob, files, Now);
            Assert.DoesNotContain(actions, a => a.Path.Contains("notes.txt", StringComparison.Ordinal));
            Assert.Equal(actions.Count, actions.Select(a => (a.Path, a.Kind)).Distinct().Count());
            var deleted = actions.Where(a => a.Kind == LogActionKind.Delete).Select(a => a.Path).ToHashSet();
            Assert.DoesNotContain(actions, a => a.Kind == LogActionKind.Compress && deleted.Contains(a.Path));
            var rotatedNow = actions.Where(a => a.Kind == LogActionKind.Rotate).ToList();
            Assert.All(rotatedNow, r => Assert.DoesNotContain(files, f => f.Path == r.Target));
            Assert.All(rotatedNow, r => Assert.False(RotatedName.TryParse(Path.GetFileName(r.Path), out _)));
            var kept = files.Where(f => RotatedName.TryParse(f.Name, out var n) && n.LiveName != "notes.txt" && !deleted.Contains(f.Path))
                .Select(f => (f.Path, f.Size, Time: f.Modified)).Concat(rotatedNow.Select(r => (Path: r.Target!, r.Size, Time: Now))).ToList();
            if (policy.Keep is { } keep) Assert.All(kept, k => Assert.True(Now - k.Time <= keep || k.Time == Now, $"run {run}: {k.Path} older than keep"));
            if (policy.Count is { } count)
                foreach (var g in kept.GroupBy(k => RotatedName.TryParse(Path.GetFileName(k.Path), out var n) ? n.LiveName : ""))
                    Assert.True(g.Count() <= count, $"run {run}: {g.Count()} kept for {g.Key} > count {count}");
            if (policy.TotalSize is { } total)
            {
                var fresh = rotatedNow.Sum(r => r.Size);
                Assert.True(kept.Sum(k => k.Size) <= Math.Max(total, fresh) + fresh, $"run {run}: total kept over total_size");
            }
        }
    }
}
