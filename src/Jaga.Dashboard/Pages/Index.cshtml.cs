using Jaga.Core.Messages;
using Jaga.Dashboard.Overview;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>The overview: one card per pillar, green, amber or red with the reason, its last and next runs.</summary>
public sealed class IndexModel(IDashboardState state) : PageModel
{
    public Catalog Words => state.Words;

    public IReadOnlyList<PillarCard> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Cards = await state.OverviewAsync(ct);

    public string Redact(string text) => state.Redact(text);

    public string Local(DateTimeOffset? t) => t is { } v ? ZoneTime.Format(v, state.Zone) : Words["web.card.none"];
}
