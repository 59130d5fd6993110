using Jaga.Core.Globbing;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.LogRetention;

/// <summary>One retention pass over the files of one rule, as a pure function: which live files to rotate, which rotated
/// files to compress or delete, and why each. The engine carries the actions out in the order given.</summary>
/// <remarks>
/// Live files are the files the glob matches that are not Jaga's rotated files (<see cref="RotatedName"/>), so a glob such
/// as <c>logs/*.log*</c> never takes <c>app.log.2026-12-01T020000Z</c> for a new log. A rotated file belongs to the rule
/// when the name of the file it came from matches the glob; nothing else is ever touched.
/// <list type="bullet">
/// <item>Rotate when larger than <c>max_size</c>, or when the last rotation (before the first: the file's creation) is
/// <c>rotate_every</c> old. Empty files are never rotated (logrotate's <c>notifempty</c>).</item>
/// <item>Keep, newest first, whichever limit is reached first: <c>count</c> per live file, <c>keep</c> (age since rotation),
/// <c>total_size</c> over the whole rule (once reached, every older file goes). A file rotated in this pass is never
/// deleted in the same pass.</item>
/// <item>Compress every kept uncompressed rotated file, except with <c>delay_compress</c> the newest of each live file.</item>
/// </list>
/// </remarks>
public static class LogRetentionPlanner
{
    public static IReadOnlyList<LogAction> Plan(LogPolicy policy, Glob glob, IReadOnlyList<FoundLogFile> files, DateTimeOffset now)
    {
        var skips = new List<LogAction>();
        var rotations = new List<LogAction>();
        var deletes = new List<LogAction>();
        var compressions = new List<LogAction>();
        var live = new List<FoundLogFile>();
        var groups = new SortedDictionary<string, List<Rotated>>(StringComparer.Ordinal);
        List<Rotated> Group(string livePath) => groups.TryGetValue(livePath, out var g) ? g : groups[livePath] = [];

        foreach (var f in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (RotatedName.TryParse(f.Name, out var r))
            {
                var livePath = Join(f.Folder, r.LiveName);
                if (glob.IsMatch(livePath)) Group(livePath).Add(new Rotated(f.Path, r, f.Size, Fresh: false));
            }
            else if (glob.IsMatch(f.Path))
            {
                live.Add(f);
            }
        }

        foreach (var f in live)
        {
            var rotated = Group(f.Path);
            var (rotate, why) = ShouldRotate(policy, f, rotated, now);
            if (!rotate)
            {
                skips.Add(new LogAction(LogActionKind.Skip, f.Path, null, why, f.Size));
                continue;
            }
            var stamp = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            var same = rotated.Where(x => x.Name.Rotated == stamp).Select(x => x.Name.Counter).DefaultIfEmpty(-1).Max();
            var name = new RotatedFileName(f.Name, stamp, same + 1, Compression.None);
            var target = Join(f.Folder, RotatedName.Format(f.Name, stamp, same + 1));
            rotations.Add(new LogAction(LogActionKind.Rotate, f.Path, target, why, f.Size));
            rotated.Add(new Rotated(target, name, f.Size, Fresh: true));
        }

        var survivors = new List<(string Live, Rotated File)>();
        foreach (var (livePath, rotated) in groups)
        {
            // A pass that stopped between writing app.log.X.zst and removing app.log.X leaves both: the compressed one is whole.
            var leftovers = rotated.Where(x => x.Name.Compress == Compression.None && rotated.Any(y => y.Name.Compress != Compression.None && y.Name.Rotated == x.Name.Rotated && y.Name.Counter == x.Name.Counter)).ToList();
            foreach (var x in leftovers)
                deletes.Add(new LogAction(LogActionKind.Delete, x.Path, null, "already compressed (an earlier pass stopped before removing the original)", x.Size));
            var ordered = rotated.Except(leftovers).OrderByDescending(x => x.Name.Rotated).ThenByDescending(x => x.Name.Counter).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var x = ordered[i];
                var age = now - x.Name.Rotated;
                string? reason = null;
                if (x.Fresh) reason = null;
                else if (policy.Count is { } count && i >= count) reason = $"count {count}: the {Ordinal(i + 1)} newest rotated file of {System.IO.Path.GetFileName(livePath)}";
                else if (policy.Keep is { } keep && age > keep) reason = $"age {DurationValue.Format(Round(age))} > keep {DurationValue.Format(keep)}";
                if (reason is null) survivors.Add((livePath, x));
                else deletes.Add(new LogAction(LogActionKind.Delete, x.Path, null, reason, x.Size));
            }
        }

        if (policy.TotalSize is { } total)
        {
            long sum = 0;
            var over = false;
            foreach (var s in survivors.OrderByDescending(s => s.File.Name.Rotated).ThenByDescending(s => s.File.Name.Counter).ThenBy(s => s.File.Path, StringComparer.Ordinal).ToList())
            {
                sum += s.File.Size;
                if (s.File.Fresh || (!over && sum <= total)) continue;
                over = true;
                deletes.Add(new LogAction(LogActionKind.Delete, s.File.Path, null, $"total_size {ByteSize.Format(total)} reached by newer rotated files", s.File.Size));
                survivors.Remove(s);
            }
        }

        if (policy.Compress != Compression.None)
        {
            foreach (var group in survivors.GroupBy(s => s.Live))
            {
                var newest = group.MaxBy(s => (s.File.Name.Rotated, s.File.Name.Counter)).File;
                foreach (var (_, x) in group.Where(s => s.File.Name.Compress == Compression.None))
                {
                    if (policy.DelayCompress && x == newest)
                        skips.Add(new LogAction(LogActionKind.Skip, x.Path, null, "delay_compress: the newest rotated file stays uncompressed until the next pass", x.Size));
                    else
                        compressions.Add(new LogAction(LogActionKind.Compress, x.Path, x.Path + RotatedName.Extension(policy.Compress), $"compress: {EnumWord.Of(policy.Compress)}", x.Size));
                }
            }
        }
        return [.. rotations, .. deletes, .. compressions, .. skips];
    }

    private static (bool Rotate, string Why) ShouldRotate(LogPolicy policy, FoundLogFile f, List<Rotated> rotated, DateTimeOffset now)
    {
        if (policy.MaxSize is null && policy.RotateEvery is null) return (false, "no max_size or rotate_every: only pruned");
        if (f.Size == 0) return (false, "empty");
        if (policy.MaxSize is { } max && f.Size > max) return (true, $"size {ByteSize.Format(f.Size)} > max_size {ByteSize.Format(max)}");
        var reasons = new List<string>();
        if (policy.MaxSize is { } m) reasons.Add($"size {ByteSize.Format(f.Size)} ≤ max_size {ByteSize.Format(m)}");
        if (policy.RotateEvery is { } every)
        {
            var last = rotated.Count > 0 ? rotated.Max(x => x.Name.Rotated) : f.Created ?? f.Modified;
            var since = rotated.Count > 0 ? "last rotation" : "created";
            var age = now - last;
            if (age >= every) return (true, $"{since} {DurationValue.Format(Round(age))} ago ≥ rotate_every {DurationValue.Format(every)}");
            reasons.Add($"{since} {DurationValue.Format(Round(age))} ago < rotate_every {DurationValue.Format(every)}");
        }
        return (false, string.Join("; ", reasons));
    }

    private static TimeSpan Round(TimeSpan t) => t < TimeSpan.FromSeconds(1) ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Floor(t.TotalSeconds));

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch
        {
            1 => $"{n}st",
            2 => $"{n}nd",
            3 => $"{n}rd",
            _ => $"{n}th",
        },
    };

    private static string Join(string folder, string name) => folder.Length == 0 ? name : folder.TrimEnd('/') + "/" + name;

    private sealed record Rotated(string Path, RotatedFileName Name, long Size, bool Fresh);
}
