namespace Jaga.Core.Updates.Patches;

/// <summary>What <c>jaga patches</c> found on this machine: what <c>apt-get -s upgrade</c> would do, and whether the
/// machine waits for a restart.</summary>
/// <param name="Simulation">The simulated upgrade.</param>
/// <param name="Reboot">The restart flag and the packages that set it.</param>
public sealed record PatchCheck(AptSimulation Simulation, RebootRequirement Reboot)
{
    /// <summary>The installed packages with a newer version waiting.</summary>
    public IReadOnlyList<AptInstall> Pending { get; } = [.. Simulation.Upgrades];

    /// <summary>Those whose newer version comes from a security archive.</summary>
    public IReadOnlyList<AptInstall> Security { get; } = [.. Simulation.SecurityUpgrades];
}
