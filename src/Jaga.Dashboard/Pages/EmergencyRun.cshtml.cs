using Jaga.Core.Messages;
using Jaga.Dashboard.Emergency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>The confirmation screen of a runbook run (operators): what will run, with which parameters, and every step as the
/// dry run sees it, as <c>jaga runbook run</c> shows before it asks; confirming starts the run (owned by the daemon) and
/// leads back to the emergency page, where it shows.</summary>
[Authorize(Policy = DashboardPolicies.Operator)]
public sealed class EmergencyRunModel(IDashboardState state) : PageModel
{
    /// <summary>The prefix of a parameter's form field: <c>p.service</c> is the parameter <c>service</c>.</summary>
    public const string Prefix = "p.";

    /// <summary>The most parameter fields read from one request, and the longest value: a runbook has a few short ones.</summary>
    private const int MaxFields = 50;
    private const int MaxValue = 4096;

    public Catalog Words => state.Words;

    [BindProperty(SupportsGet = true)]
    public string? Runbook { get; set; }

    public RunbookPreview? Preview { get; private set; }

    /// <summary>The parameters the person gave, carried to the confirming POST as they were typed: the defaults are filled in
    /// again there, and a default never travels through the page (it may be a secret the page masks).</summary>
    public IReadOnlyDictionary<string, string> Given { get; private set; } = new Dictionary<string, string>();

    public string? Problem { get; private set; }

    public string? Hint { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Runbook)) return LocalRedirect("/emergency");
        if (Fields(Request.Query.Select(q => (q.Key, q.Value.ToString()))) is not { } given) return Refused();
        Given = given;
        Preview = await state.PreviewRunbookAsync(Runbook, given, ct);
        // A refused preview (an unknown runbook, a wrong parameter) is bad input, as the same POST is.
        return Preview.Problem is null ? Page() : Refused();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Runbook)) return LocalRedirect("/emergency");
        if (Fields(Request.Form.Select(f => (f.Key, f.Value.ToString()))) is not { } given) return Refused();
        var act = await state.RunRunbookAsync(Runbook, given, User.Identity!.Name!, ct);
        if (act.Done) return LocalRedirect($"/emergency#run-{act.Run}");
        Problem = act.Message;
        Hint = act.Hint;
        return Refused();
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The parameters given (empty fields left out, so a default applies), or null with the problem set.</summary>
    private Dictionary<string, string>? Fields(IEnumerable<(string Key, string Value)> fields)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields.Where(f => f.Key.StartsWith(Prefix, StringComparison.Ordinal) && f.Value.Length > 0))
        {
            if (given.Count == MaxFields || value.Length > MaxValue)
            {
                Problem = Words.Format("web.emergency.params.toolong", MaxFields, MaxValue);
                return null;
            }
            given[key[Prefix.Length..]] = value;
        }
        return given;
    }
}
