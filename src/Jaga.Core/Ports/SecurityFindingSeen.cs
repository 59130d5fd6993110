using Jaga.Core.Updates.Advisories;

namespace Jaga.Core.Ports;

/// <summary>One pending security finding as a reading reports it.</summary>
/// <param name="Ecosystem">OSV's name of the package's ecosystem (<c>NuGet</c>, <c>npm</c>, <c>PyPI</c>), or <c>deb</c>
/// for a Debian package.</param>
/// <param name="Package">The package as the manifest or apt names it.</param>
/// <param name="Version">The version in use (several declarations of one package: their versions, comma-separated).</param>
/// <param name="Advisory">The advisory's id; for an OS package, the security archive the fix comes from
/// (<c>Debian-Security</c>).</param>
/// <param name="Severity">How bad, by the advisory; unknown for an OS package.</param>
/// <param name="FixedVersion">The version that fixes it; null when none is published yet.</param>
public sealed record SecurityFindingSeen(string Ecosystem, string Package, string Version, string Advisory, Severity Severity, string? FixedVersion);
