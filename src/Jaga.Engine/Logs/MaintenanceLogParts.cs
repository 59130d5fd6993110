using Jaga.Core.Plan;
using System.Text;
using Jaga.Core.LogRetention;
using Jaga.Core.Ports;

namespace Jaga.Engine.Logs;

/// <summary>The maintenance log as <c>jaga audit verify</c> reads it: its rotated parts oldest first (decompressed), then
/// the live file. Line n of the whole is entry n + skipped of the chain (see <see cref="SkippedAsync"/>).</summary>
public static class MaintenanceLogParts
{
    /// <summary>The rotated parts of <paramref name="logPath"/>, oldest first. When a compression was cut short both
    /// <c>X</c> and <c>X.zst</c> exist: the original is read, once.</summary>
    public static IReadOnlyList<string> Rotated(string logPath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(logPath))!;
        var name = Path.GetFileName(logPath);
        if (!Directory.Exists(dir)) return [];
        return [.. Directory.EnumerateFiles(dir, name + ".*")
            .Select(p => (Path: p, Ok: RotatedName.TryParse(Path.GetFileName(p), out var r), Name: r))
            .Where(x => x.Ok && x.Name.LiveName == name)
            .GroupBy(x => (x.Name.Rotated, x.Name.Counter))
            .Select(g => g.OrderBy(x => x.Name.Compress == Compression.None ? 0 : 1).First())
            .OrderBy(x => x.Name.Rotated).ThenBy(x => x.Name.Counter)
            .Select(x => x.Path)];
    }

    /// <summary>Every line of the rotated parts and the live file, in order.</summary>
    public static List<string> ReadLines(string logPath)
    {
        var lines = new List<string>();
        foreach (var part in Rotated(logPath).Append(logPath))
        {
            if (!File.Exists(part)) continue;
            using var reader = new StreamReader(LogFileOps.OpenRead(part), Encoding.UTF8);
            while (reader.ReadLine() is { } line) lines.Add(line);
        }
        return lines;
    }

    /// <summary>Where the file starts in the chain: entries up to <c>Skipped</c> have no line in it. <c>Missing</c> of them
    /// are <paramref name="node"/>'s (the others are other nodes' lines, in their own logs): their lines were in rotated
    /// parts that are gone, pruned by Jaga if the chain records that it pruned maintenance-log parts (otherwise someone
    /// else removed them).</summary>
    public static async Task<(long Skipped, long Missing, bool PrunedByJaga)> SkippedAsync(IStateStore store, IReadOnlyList<string> lines, string? node, CancellationToken ct)
    {
        if (lines.Count == 0) return (0, 0, false);
        long skipped = 0;
        long missing = 0;
        var found = false;
        var pruned = false;
        await foreach (var e in store.ReadAsync(1, ct))
        {
            if (e.Kind == Core.Journal.Events.Logs.LogDeleted.AuditKind && e.Data.TryGetValue("log", out var log) && log == "maintenance") pruned = true;
            if (!found && e.IsFromNode(node))
            {
                if (e.Line == lines[0])
                {
                    skipped = e.Seq - 1;
                    found = true;
                    if (missing == 0) return (skipped, 0, false);
                }
                else
                {
                    missing++;
                }
            }
            if (found && pruned) break;
        }
        return found ? (skipped, missing, pruned) : (0, 0, false);
    }
}
