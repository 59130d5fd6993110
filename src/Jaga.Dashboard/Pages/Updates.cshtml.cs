using Jaga.Core.Messages;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Engine.Updates;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>The update pillar as it was recorded: the last dependency audit, vulnerable packages first, the update plan it
/// implies, the updates applied and rolled back, pending security findings and significant changes awaiting review. Nothing
/// here asks a registry: <c>jaga deps audit</c> and the daemon's update jobs record what it shows.</summary>
public sealed class UpdatesModel(IDashboardState state) : PageModel
{
    public Catalog Words => state.Words;

    public UpdatesReport Report { get; private set; } = new(null, null, [], [], []);

    public async Task OnGetAsync(CancellationToken ct) => Report = await state.UpdatesAsync(ct);

    public string Local(DateTimeOffset t) => ZoneTime.Format(t, state.Zone);

    public string Redact(string text) => state.Redact(text);

    public string Severity(Severity s) => Words["word.severity." + s.ToString().ToLowerInvariant()];

    /// <summary>A severity's class name, for its colour.</summary>
    public static string SeverityClass(Severity s) => "sev-" + s.ToString().ToLowerInvariant();

    public string Decision(Decision d) => Words["word.decision." + d switch
    {
        Core.Updates.Audit.Decision.UpToDate => "up_to_date",
        Core.Updates.Audit.Decision.Apply => "apply",
        Core.Updates.Audit.Decision.Review => "review",
        Core.Updates.Audit.Decision.Manual => "manual",
        _ => "unknown",
    }];

    public string Kind(string? kind) => kind is null ? "-" : Words["word.kind." + kind];

    public string Source(SecurityFindingSource s) => Words[s == SecurityFindingSource.Dependency ? "web.updates.source.dependency" : "web.updates.source.os"];

    public string ChangeKind(ChangeRecord c) => Words["cli.changes.kind." + c.Kind.ToText()];
}
