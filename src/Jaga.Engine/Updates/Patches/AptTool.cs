using System.Runtime.InteropServices;

namespace Jaga.Engine.Updates.Patches;

/// <summary>The apt and dpkg of a machine, and how <see cref="OsPatches"/> calls them.</summary>
/// <param name="AptGet">The <c>apt-get</c> program.</param>
/// <param name="DpkgQuery">The <c>dpkg-query</c> program, asked afterwards which versions are really installed.</param>
public sealed record AptTool(string AptGet, string DpkgQuery)
{
    /// <summary>Variables added to every call (a test's <c>APT_CONFIG</c> that points apt at a sandboxed root).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>dpkg's database when it is not the system's (<c>dpkg-query --admindir</c>).</summary>
    public string? DpkgAdminDir { get; init; }

    /// <summary>The file whose presence says the machine waits for a restart.</summary>
    public string RebootFlag { get; init; } = "/var/run/reboot-required";

    /// <summary>The packages that asked for the restart, one a line.</summary>
    public string RebootPackages { get; init; } = "/var/run/reboot-required.pkgs";

    /// <summary>This process may install packages (its effective user is root).</summary>
    public bool IsRoot { get; init; } = Geteuid() == 0;

    /// <summary>This machine's apt, or null when it has none (not a Debian-like system).</summary>
    public static AptTool? Local()
    {
        if (Find("apt-get") is not { } aptGet) return null;
        return new AptTool(aptGet, Find("dpkg-query") ?? "dpkg-query");
    }

    private static string? Find(string program)
    {
        string[] usual = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"];
        var path = System.Environment.GetEnvironmentVariable("PATH")?.Split(':', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return usual.Concat(path).Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint Geteuid();
}
