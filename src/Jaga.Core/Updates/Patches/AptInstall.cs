namespace Jaga.Core.Updates.Patches;

/// <summary>One <c>Inst</c> line of an apt simulation: a package apt would unpack, with the version installed now (none
/// for a new package) and the candidate it would install, from the releases that offer it.</summary>
/// <param name="Name">The package as apt names it: <c>openssl</c>, or <c>libc6:i386</c> for a foreign architecture.</param>
/// <param name="Architecture">The candidate's architecture (<c>amd64</c>, <c>all</c>).</param>
/// <param name="Installed">The version installed now; null when the package is new.</param>
/// <param name="Candidate">The version apt would install.</param>
/// <param name="Origins">The releases that offer the candidate, in apt's order.</param>
public sealed record AptInstall(string Name, string Architecture, string? Installed, string Candidate, IReadOnlyList<AptOrigin> Origins)
{
    /// <summary>The candidate comes from a security archive (it may be in others too: a fix is often in both
    /// <c>-updates</c> and <c>-security</c>).</summary>
    public bool Security => Origins.Any(o => o.IsSecurity);

    /// <summary>A change of an installed package's version (not a new package, not a reinstall of the same version).</summary>
    public bool Upgrade => Installed is not null && !string.Equals(Installed, Candidate, StringComparison.Ordinal);

    /// <summary>The package's name without an architecture qualifier, as dpkg lists it.</summary>
    public string Package => Name.Split(':')[0];

    /// <summary>The origin to show: the first security one for a security update, else the first one; null when apt
    /// named none.</summary>
    public AptOrigin? Origin => Origins.FirstOrDefault(o => o.IsSecurity) ?? (Origins.Count > 0 ? Origins[0] : null);

    /// <summary>The argument that makes apt install exactly this candidate: <c>openssl=3.0.15-1~deb12u1</c>.</summary>
    public string Pinned => $"{Name}={Candidate}";

    /// <summary>Equal when every field is, the origins compared one by one (a record compares lists by reference).</summary>
    public bool Equals(AptInstall? other) =>
        other is not null && Name == other.Name && Architecture == other.Architecture && Installed == other.Installed
        && Candidate == other.Candidate && Origins.SequenceEqual(other.Origins);

    public override int GetHashCode() => HashCode.Combine(Name, Architecture, Installed, Candidate, Origins.Count);
}
