using System.Text.Json.Nodes;
using Jaga.Core.Messages;
using Jaga.Core.Ports;

namespace Jaga.Cli.Commands.Emergency;

/// <summary>The open incidents as <c>jaga status</c> shows them: how many, and the newest few (the rest are in
/// <c>jaga incident list --open</c>); and the runbook runs waiting for someone's approval.</summary>
internal static class IncidentStatus
{
    private const int Newest = 3;

    /// <summary>How many open incidents are counted at most; more is shown as that many.</summary>
    private const int Counted = 1000;

    public static Task<IReadOnlyList<Incident>> OpenAsync(IStateStore store, CancellationToken ct) => store.Incidents.ListAsync(openOnly: true, Counted, ct);

    /// <summary>The runs among the newest hundred that wait at an <c>approve</c> step.</summary>
    public static async Task<IReadOnlyList<RunbookRun>> WaitingAsync(IStateStore store, CancellationToken ct) =>
        [.. (await store.Runbooks.ListAsync(null, 100, ct)).Where(r => r.Status == RunbookRunStatus.WaitingApproval)];

    public static JsonArray Json(IReadOnlyList<RunbookRun> waiting) =>
        [.. waiting.Select(r => (JsonNode)new JsonObject { ["run"] = r.Id, ["runbook"] = r.Runbook, ["incident"] = r.IncidentId })];

    public static void Write(Output output, IReadOnlyList<RunbookRun> waiting, Catalog words)
    {
        foreach (var r in waiting) output.Line(words.Format("cli.status.runbook.waiting", r.Id, r.Runbook));
    }

    public static JsonObject Json(IReadOnlyList<Incident> open) => new()
    {
        ["open"] = open.Count,
        ["newest"] = new JsonArray([.. open.Take(Newest).Select(i => (JsonNode)IncidentInput.Json(i))]),
    };

    public static void Write(Output output, IReadOnlyList<Incident> open, Catalog words, TimeZoneInfo zone)
    {
        if (open.Count == 0) return;
        output.Line(words.Format("cli.status.incidents", open.Count));
        foreach (var i in open.Take(Newest)) output.Line(words.Format("cli.status.incident", i.Id, i.Title, IncidentInput.Local(i.OpenedAt, zone)));
    }
}
