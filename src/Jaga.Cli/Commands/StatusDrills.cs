using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Cli.Commands;

/// <summary>The restore drills part of <c>jaga status</c>: per backup job that has been drilled, its last drill, and the
/// days since its last successful one with that drill's recovery time and data-loss window. A job whose last drill failed
/// counts as failing.</summary>
internal sealed record StatusDrills(IReadOnlyList<StatusDrills.Row> Rows, DateTimeOffset Now)
{
    /// <summary>One drilled job: its newest drill and its newest successful one (either may be the other).</summary>
    public sealed record Row(string Job, DrillResult Last, DrillResult? LastSuccess);

    public IEnumerable<Row> Failing => Rows.Where(r => r.Last.Outcome == DrillOutcome.Failed);

    public static async Task<StatusDrills> LoadAsync(LoadedPlan plan, IDrills drills, DateTimeOffset now, CancellationToken ct)
    {
        var rows = new List<Row>();
        foreach (var job in plan.Plan.Backup)
            if (await drills.LastAsync(job.Name, ct) is { } last)
                rows.Add(new Row(job.Name, last, last.Outcome == DrillOutcome.Succeeded ? last : await drills.LastSuccessfulAsync(job.Name, ct)));
        return new StatusDrills(rows, now);
    }

    /// <summary>Whole days since the last successful drill ended.</summary>
    public int? DaysSince(Row row) => row.LastSuccess is { } s ? (int)Math.Floor(Math.Max(0, (Now - s.EndedAt).TotalDays)) : null;

    public JsonArray Json() => new([.. Rows.Select(r => (JsonNode)new JsonObject
    {
        ["job"] = r.Job,
        ["last_drill"] = r.Last.StartedAt.ToString("O", CultureInfo.InvariantCulture),
        ["result"] = r.Last.Outcome.ToString().ToLowerInvariant(),
        ["detail"] = r.Last.Detail,
        ["last_success"] = r.LastSuccess?.EndedAt.ToString("O", CultureInfo.InvariantCulture),
        ["days_since_success"] = DaysSince(r),
        ["recovery_seconds"] = r.LastSuccess?.RecoveryTime?.TotalSeconds,
        ["data_loss_seconds"] = r.LastSuccess?.DataLossWindow?.TotalSeconds,
    })]);

    public IEnumerable<string[]> Table(Catalog words, Func<DateTimeOffset?, string> local) => Rows.Select(r => new[]
    {
        r.Job, local(r.Last.StartedAt), words[$"word.drill.{r.Last.Outcome.ToString().ToLowerInvariant()}"], local(r.LastSuccess?.EndedAt),
        DaysSince(r)?.ToString(CultureInfo.InvariantCulture) ?? "-",
        r.LastSuccess?.RecoveryTime is { } t ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-",
        r.LastSuccess?.DataLossWindow is { } d ? Core.Monitoring.HeartbeatVerdict.Age(d) : "-",
    });
}
