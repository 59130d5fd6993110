using Jaga.Core.Messages;
using Jaga.Dashboard.Emergency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>The emergency page: the plan's runbooks as procedures (an operator runs one through the confirmation screen,
/// <see cref="EmergencyRunModel"/>), the runs waiting for approval (an operator approves, <see cref="EmergencyApproveModel"/>),
/// the newest runs with their step timelines, and the open and recent incidents with theirs.</summary>
public sealed class EmergencyModel(IDashboardState state, IAuthorizationService authorization) : PageModel
{
    public Catalog Words => state.Words;

    public EmergencyView View { get; private set; } = new([], [], [], [], []);

    /// <summary>Whether the user may run runbooks and approve steps (an operator or admin); the acts check it again.</summary>
    public bool MayAct { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await state.EmergencyAsync(ct);
        MayAct = (await authorization.AuthorizeAsync(User, DashboardPolicies.Operator)).Succeeded;
    }

    public string Local(DateTimeOffset? t) => t is { } v ? ZoneTime.Format(v, state.Zone) : Words["web.card.none"];
}
