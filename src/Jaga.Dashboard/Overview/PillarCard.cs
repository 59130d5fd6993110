namespace Jaga.Dashboard.Overview;

/// <summary>One card of the overview.</summary>
/// <param name="Pillar">Which part of the plan.</param>
/// <param name="Light">Its colour.</param>
/// <param name="Reasons">Why, in the plan's language: the first one decides the colour.</param>
/// <param name="Last">The newest run of the pillar's jobs (or the newest entry, for the log).</param>
/// <param name="Next">When the next of its jobs is due.</param>
public sealed record PillarCard(Pillar Pillar, Light Light, IReadOnlyList<string> Reasons, DateTimeOffset? Last, DateTimeOffset? Next);
