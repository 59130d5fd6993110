namespace Jaga.Core.Readiness;

/// <summary>The points' names as the plan (<c>checklist.optional</c>) and <c>jaga checklist ack ITEM</c> write them, and which
/// a person must acknowledge.</summary>
public static class ReadinessPoints
{
    public static string Name(ReadinessPoint point) => point switch
    {
        ReadinessPoint.Configuration => "configuration",
        ReadinessPoint.Folders => "folders",
        ReadinessPoint.Dependencies => "dependencies",
        ReadinessPoint.Ci => "ci",
        ReadinessPoint.Security => "security",
        ReadinessPoint.Documentation => "documentation",
        ReadinessPoint.Backup => "backup",
        _ => throw new ArgumentOutOfRangeException(nameof(point), point, null),
    };

    public static bool TryParse(string name, out ReadinessPoint point)
    {
        foreach (var p in Enum.GetValues<ReadinessPoint>())
        {
            if (Name(p) != name) continue;
            point = p;
            return true;
        }
        point = default;
        return false;
    }

    /// <summary>What only a person can judge: the folder structure is reviewed, and security beyond what is probed (input
    /// validation, encryption, rate limiting, audit logs) is acknowledged.</summary>
    public static bool NeedsAck(ReadinessPoint point) => point is ReadinessPoint.Folders or ReadinessPoint.Security;

    /// <summary>The catalog key of the point's line in the seed's checklist (point 8).</summary>
    public static string SeedLine(ReadinessPoint point) => "cli.checklist.seed." + Name(point);
}
