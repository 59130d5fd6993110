namespace Jaga.Core.Readiness;

/// <summary>The readiness checklist: each point with its evidence; ready when every required point is met.</summary>
public sealed record ChecklistReport(IReadOnlyList<PointResult> Points)
{
    public bool Ready => Points.Where(p => p.Required).All(p => p.Met);
}
