using System.Text.Json.Nodes;
using Jaga.Core.Messages;
using Jaga.Core.Ports;
using Jaga.Dashboard.Overview;
using Jaga.Engine.Journal;

namespace Jaga.Dashboard;

/// <summary>What the dashboard reads from the host that serves it (<c>jaga run</c>): the store, the journal that records its
/// acts, the plan's language and zone, and the same reports the CLI prints, so a page never holds a second copy of a query.
/// Each page adds what it reads and does in its own part of this interface (IDashboardState.PAGE.cs).</summary>
public partial interface IDashboardState
{
    IStateStore Store { get; }

    /// <summary>The journal of the running plan: every act of the dashboard is one log line and one audit entry.</summary>
    MaintenanceJournal Journal { get; }

    /// <summary>The plan's language.</summary>
    Catalog Words { get; }

    /// <summary>The plan's time zone, for the times a page shows.</summary>
    TimeZoneInfo Zone { get; }

    /// <summary>Removes the plan's secrets from a text before it leaves the process.</summary>
    string Redact(string text);

    /// <summary>What <c>jaga status --json</c> prints.</summary>
    Task<JsonObject> StatusAsync(CancellationToken ct);

    /// <summary>What <c>jaga monitor status --json</c> prints.</summary>
    Task<JsonObject> ChecksAsync(CancellationToken ct);

    /// <summary>One card per pillar, from the same report as <see cref="StatusAsync"/>.</summary>
    Task<IReadOnlyList<PillarCard>> OverviewAsync(CancellationToken ct);
}
