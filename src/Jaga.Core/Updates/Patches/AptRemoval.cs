namespace Jaga.Core.Updates.Patches;

/// <summary>One <c>Remv</c> (or <c>Purg</c>) line of an apt simulation: a package apt would remove.</summary>
/// <param name="Name">The package as apt names it.</param>
/// <param name="Installed">The version installed now; null when apt did not say.</param>
public sealed record AptRemoval(string Name, string? Installed);
