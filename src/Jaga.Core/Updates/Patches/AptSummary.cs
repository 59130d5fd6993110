namespace Jaga.Core.Updates.Patches;

/// <summary>apt's count line: <c>140 upgraded, 0 newly installed, 0 to remove and 3 not upgraded.</c> (apt 3's
/// <c>Upgrading: 140, Installing: 0, Removing: 0, Not Upgrading: 3</c> reads the same).</summary>
/// <param name="Upgraded">Packages upgraded.</param>
/// <param name="NewlyInstalled">Packages installed that were not before.</param>
/// <param name="Reinstalled">Packages reinstalled at the same version (apt prints the count only when there are some).</param>
/// <param name="Downgraded">Packages moved to an older version (the same).</param>
/// <param name="ToRemove">Packages removed.</param>
/// <param name="NotUpgraded">Packages with a newer version that stay as they are (kept back or held).</param>
public sealed record AptSummary(int Upgraded, int NewlyInstalled, int Reinstalled, int Downgraded, int ToRemove, int NotUpgraded)
{
    /// <summary>How many <c>Inst</c> lines the simulation must hold.</summary>
    public int Unpacked => Upgraded + NewlyInstalled + Reinstalled + Downgraded;
}
