using Jaga.Core.Messages;
using Jaga.Core.Readiness;
using Jaga.Dashboard.Readiness;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>The readiness checklist: the seed's migration guideline point by point with its evidence, as
/// <c>jaga checklist</c> gathers it, kept from the last gathering (<see cref="ChecklistDesk"/>) with its time; then the
/// seed's checklist with each line ticked or not. An operator gathers again and acknowledges a point.</summary>
public sealed class ChecklistModel(IDashboardState state, ChecklistDesk desk, IAuthorizationService authorization) : PageModel
{
    /// <summary>The longest note an acknowledgement keeps (as <c>jaga checklist ack --note</c>).</summary>
    public const int MaxNote = 2000;

    public Catalog Words => state.Words;

    /// <summary>When the evidence shown was gathered; null when no gathering has ended yet.</summary>
    public DateTimeOffset? GatheredAt { get; private set; }

    /// <summary>The points with their latest acknowledgements (given since the gathering too).</summary>
    public IReadOnlyList<PointResult> Points { get; private set; } = [];

    public bool Ready => Points.Count > 0 && Points.Where(p => p.Required).All(p => p.Met);

    public int Unmet => Points.Count(p => p.Required && !p.Met);

    public bool Gathering => desk.Gathering;

    public string? Problem => desk.Problem;

    public bool CanAct { get; private set; }

    /// <summary>The point the form offers first: the first that waits for a person, else the one posted.</summary>
    public string? FirstToAck => Item ?? Points.FirstOrDefault(p => p.NeedsAck && p.Ack is null)?.Name;

    /// <summary>The point just acknowledged, after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Acked { get; set; }

    [BindProperty]
    public string? Item { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>What was wrong with the form, in the reader's language.</summary>
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Gathers the evidence again in the background; the page shows the previous one until it ends.</summary>
    public async Task<IActionResult> OnPostGatherAsync(CancellationToken ct)
    {
        if (!await IsOperatorAsync()) return Forbid();
        await desk.GatherAgainAsync(User.Identity!.Name!, ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAckAsync(CancellationToken ct)
    {
        if (!await IsOperatorAsync()) return Forbid();
        var item = Item?.Trim() ?? "";
        var note = Note?.Trim() ?? "";
        if (!ReadinessPoints.TryParse(item, out _)) Error = Words.Format("cli.checklist.ack.unknown", item);
        else if (note.Length == 0) Error = Words["web.checklist.note.blank"];
        else if (note.Length > MaxNote) Error = Words.Format("web.checklist.note.long", MaxNote);
        if (Error is not null)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await state.AcknowledgeChecklistAsync(item, User.Identity!.Name!, note, ct);
        return RedirectToPage(new { acked = item });
    }

    public string Local(DateTimeOffset t) => ZoneTime.Format(t, state.Zone);

    public string Redact(string text) => state.Redact(text);

    /// <summary>The point's title, as <c>jaga checklist</c> words it.</summary>
    public string Title(PointResult p) => Words["cli.checklist.point." + p.Name];

    public static string StateWord(EvidenceState s) => s switch
    {
        EvidenceState.Ok => "ok",
        EvidenceState.Failed => "failed",
        EvidenceState.Note => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        CanAct = await IsOperatorAsync();
        var gathered = await desk.CurrentAsync(ct);
        if (gathered is null) return;
        GatheredAt = gathered.At;
        var acks = (await state.Store.Checklist.LatestAsync(ct)).ToDictionary(a => a.Item, StringComparer.Ordinal);
        Points = [.. gathered.Report.Points.Select(p => p with { Ack = acks.GetValueOrDefault(p.Name) ?? p.Ack })];
        if (Acked is not null && !Points.Any(p => p.Name == Acked)) Acked = null;
    }

    private async Task<bool> IsOperatorAsync() => (await authorization.AuthorizeAsync(User, DashboardPolicies.Operator)).Succeeded;
}
