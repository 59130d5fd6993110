using Jaga.Core.Messages;
using Jaga.Core.Ports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>The dashboard's users, their roles and any lock-out (admins only); they are managed with <c>jaga user</c>.</summary>
[Authorize(Policy = DashboardPolicies.Admin)]
public sealed class UsersModel(IDashboardState state, DashboardOptions options) : PageModel
{
    public Catalog Words => state.Words;

    public IReadOnlyList<DashboardUser> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Users = await state.Store.Users.ListAsync(ct);

    public string Local(DateTimeOffset t) => ZoneTime.Format(t, state.Zone);

    /// <summary>Until when a lock holds; one that has ended shows as none.</summary>
    public string Locked(DashboardUser user) =>
        user.LockedUntil is { } until && until > options.Clock.GetUtcNow() ? Local(until) : Words["web.card.none"];
}
