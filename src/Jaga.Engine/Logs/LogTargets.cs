using Jaga.Core.Globbing;
using Jaga.Core.LogRetention;
using Jaga.Core.Plan;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Logs;

/// <summary>The plan's log retention: each rule of <c>monitoring.logs</c>, then the maintenance log when <c>log.rotate</c> is set.</summary>
public static class LogTargets
{
    public static IReadOnlyList<LogTarget> For(LoadedPlan plan, MaintenanceJournal journal)
    {
        var targets = plan.Plan.Monitoring.Logs.Select(r => new LogTarget(
            r.Path, Glob.Parse(plan.Resolve(r.Path), wildcardsMatchHidden: false), LogPolicy.From(r), r.CopyTruncate, r.MissingOk, r.PostRotate, r.PostRotateTimeout)).ToList();
        if (plan.Plan.Log.Rotate is { } rotate)
        {
            // The exact path as a glob: escape what the glob would read as wildcards.
            var literal = string.Concat(journal.LogPath.Select(c => c is '*' or '?' or '[' or '\\' ? $"\\{c}" : c.ToString()));
            targets.Add(new LogTarget("log.file", Glob.Parse(literal, wildcardsMatchHidden: false), LogPolicy.From(rotate), CopyTruncate: false, MissingOk: true, null, TimeSpan.Zero, journal.HoldAsync));
        }
        return targets;
    }
}
