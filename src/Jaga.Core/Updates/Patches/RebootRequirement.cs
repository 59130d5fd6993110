namespace Jaga.Core.Updates.Patches;

/// <summary>Whether the machine waits for a restart to finish its updates, and which packages asked for it: Debian and
/// Ubuntu's <c>/var/run/reboot-required</c> (its presence is the flag) and <c>/var/run/reboot-required.pkgs</c> (one
/// package a line, repeated when it asked twice).</summary>
/// <param name="Required">The flag file is there.</param>
/// <param name="Packages">The packages that asked, each once, in the order they first asked.</param>
public sealed record RebootRequirement(bool Required, IReadOnlyList<string> Packages)
{
    public static readonly RebootRequirement None = new(false, []);

    /// <summary>Reads the two files' state.</summary>
    /// <param name="flagExists">Whether <c>/var/run/reboot-required</c> exists.</param>
    /// <param name="packages">The text of <c>/var/run/reboot-required.pkgs</c>; null when it does not exist.</param>
    public static RebootRequirement Read(bool flagExists, string? packages)
    {
        if (!flagExists) return None;
        var names = (packages ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return new RebootRequirement(true, names);
    }
}
