namespace Jaga.Core.Updates.Patches;

/// <summary>One release a package version is offered from, as apt describes it in a simulation
/// (<c>Debian-Security:12/oldstable-security</c>, <c>Ubuntu:22.04/jammy-updates</c>): its release file's label, version
/// and archive (suite). A repository without a release file is named by its host, kept as <see cref="Archive"/>.</summary>
/// <param name="Label">The release's label (<c>Debian-Security</c>); null when it has none.</param>
/// <param name="Version">The release's version (<c>12</c>, <c>22.04</c>); null when it has none.</param>
/// <param name="Archive">The archive or suite (<c>oldstable-security</c>, <c>jammy-security</c>), or the host.</param>
public sealed record AptOrigin(string? Label, string? Version, string Archive)
{
    /// <summary>A security archive: its suite ends in <c>-security</c> (Debian's <c>bookworm-security</c>, Ubuntu's
    /// <c>jammy-security</c>, Ubuntu Pro's <c>jammy-apps-security</c>) or its label says so (<c>Debian-Security</c>),
    /// the same marks unattended-upgrades' default origins match.</summary>
    public bool IsSecurity =>
        Archive.EndsWith("-security", StringComparison.OrdinalIgnoreCase) || Label?.Contains("security", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The short name people know it by: the label, else the archive.</summary>
    public string Name => Label ?? Archive;

    /// <summary>As apt wrote it.</summary>
    public override string ToString() =>
        (Label is null ? "" : Label + ":") + (Version is null ? "" : Version + "/") + Archive;

    /// <summary>Reads one release description of apt's <c>RelStr</c>: <c>Label:Version/Archive</c>, with the label or
    /// the version left out when the release file has none.</summary>
    public static AptOrigin Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.Trim();
        string? label = null;
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            label = rest[..colon];
            rest = rest[(colon + 1)..];
        }
        string? version = null;
        var slash = rest.LastIndexOf('/');
        if (slash > 0)
        {
            version = rest[..slash];
            rest = rest[(slash + 1)..];
        }
        return new AptOrigin(label, version, rest);
    }
}
