using Jaga.Core.Journal.Events.Logs;
using Jaga.Core.LogRetention;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Logs;

/// <summary>Plans and carries out one retention pass per target: rotations, then post_rotate (once), then deletions, then
/// compression. Every real action is one maintenance-log line and one audit entry; a dry run changes and records nothing.</summary>
public sealed class LogRetentionPass(MaintenanceJournal journal, TimeProvider clock, string planDirectory)
{
    public async Task<LogPassReport> RunAsync(LogTarget target, bool dryRun, CancellationToken ct)
    {
        var files = LogFileScanner.Scan(target.Glob);
        // A rule whose glob covers the maintenance log leaves it (and its parts) to log.rotate, which holds the journal's lock.
        if (!target.IsMaintenanceLog) files = [.. files.Where(f => !OfMaintenanceLog(f))];
        var actions = LogRetentionPlanner.Plan(target.Policy, target.Glob, files, clock.GetUtcNow());
        var missing = !files.Any(f => target.Glob.IsMatch(f.Path) && !RotatedName.TryParse(f.Name, out _));
        if (dryRun) return new LogPassReport(target, [.. actions.Select(a => new LogActionResult(a, false))], missing && !target.MissingOk, null);

        if (missing && !target.MissingOk)
            await journal.RecordAsync(new LogMissing(target.Name) { Data = Data(target, ("pattern", target.Name)) }, ct: ct);
        var results = new List<LogActionResult>();
        var rotated = 0;
        string? postRotate = null;
        foreach (var a in actions)
        {
            if (a.Kind == LogActionKind.Skip)
            {
                results.Add(new LogActionResult(a, false));
                continue;
            }
            if (a.Kind == LogActionKind.Compress && rotated > 0 && target.PostRotate is not null && postRotate is null)
                postRotate = await PostRotateAsync(target, ct);
            results.Add(await ApplyAsync(target, a, ct));
            if (a.Kind == LogActionKind.Rotate && results[^1].Done) rotated++;
        }
        if (rotated > 0 && target.PostRotate is not null && postRotate is null) postRotate = await PostRotateAsync(target, ct);
        return new LogPassReport(target, results, missing && !target.MissingOk, postRotate);
    }

    private async Task<LogActionResult> ApplyAsync(LogTarget target, LogAction a, CancellationToken ct)
    {
        var (file, to) = (Show(a.Path), a.Target is null ? null : Show(a.Target));
        try
        {
            using (target.Hold is null ? null : await target.Hold(ct))
            {
                switch (a.Kind)
                {
                    case LogActionKind.Rotate when target.CopyTruncate:
                        await LogFileOps.CopyTruncateAsync(a.Path, a.Target!, ct);
                        break;
                    case LogActionKind.Rotate:
                        LogFileOps.RotateByRename(a.Path, a.Target!);
                        break;
                    case LogActionKind.Compress:
                        await LogFileOps.CompressAsync(a.Path, a.Target!, target.Policy.Compress, ct);
                        break;
                    case LogActionKind.Delete:
                        File.Delete(a.Path);
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await journal.RecordAsync(new LogActionFailed(file, e.Message) { Data = Data(target, ("file", file), ("action", a.Kind.ToString().ToLowerInvariant()), ("error", e.Message)) }, ct: ct);
            return new LogActionResult(a, false, e.Message);
        }
        // Recorded after the hold is released: for the maintenance log the line goes into the new, live file.
        var data = Data(target, ("file", file), ("reason", a.Reason), ("size", a.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (to is not null) data["target"] = to;
        _ = a.Kind switch
        {
            LogActionKind.Rotate => await journal.RecordAsync(target.CopyTruncate ? new LogCopyTruncated(file, to!, a.Reason) { Data = data } : new LogRotated(file, to!, a.Reason) { Data = data }, ct: ct),
            LogActionKind.Compress => await journal.RecordAsync(new LogCompressed(file, to!, Core.Plan.Schema.EnumWord.Of(target.Policy.Compress)) { Data = data }, ct: ct),
            _ => await journal.RecordAsync(new LogDeleted(file, a.Reason) { Data = data }, ct: ct),
        };
        return new LogActionResult(a, true);
    }

    private async Task<string> PostRotateAsync(LogTarget target, CancellationToken ct)
    {
        var (exit, error) = await PostRotateCommand.RunAsync(target.PostRotate!, planDirectory, target.PostRotateTimeout, ct);
        if (exit == 0)
        {
            await journal.RecordAsync(new PostRotateRan(target.Name, 0) { Data = Data(target, ("exit", "0")) }, ct: ct);
            return "exit 0";
        }
        var why = exit is { } code ? $"exit {code}" + (error.Length > 0 ? $": {error}" : "") : error;
        await journal.RecordAsync(new PostRotateFailed(target.Name, why) { Data = Data(target, ("error", why)) }, ct: ct);
        return journal.Redactor.Redact(why);
    }

    private bool OfMaintenanceLog(FoundLogFile f)
    {
        var log = journal.LogPath.Replace('\\', '/');
        return f.Path == log || (RotatedName.TryParse(f.Name, out var r) && f.Folder.Replace('\\', '/') + "/" + r.LiveName == log);
    }

    private string Show(string path)
    {
        var relative = Path.GetRelativePath(planDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }

    private static Dictionary<string, string> Data(LogTarget target, params (string Key, string Value)[] pairs)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["rule"] = target.Name };
        if (target.IsMaintenanceLog) data["log"] = "maintenance";
        foreach (var (k, v) in pairs) data[k] = v;
        return data;
    }
}
