namespace Jaga.Cli.Tests.Packaging;

/// <summary>A test that installs the Debian package on this machine: it needs root (dpkg, the <c>jaga</c> user) and a
/// machine where Jaga is not already installed from a package, which it would replace and then purge.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DebianPackageFactAttribute : FactAttribute
{
    public DebianPackageFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
            Skip = "installs a package with dpkg -i and creates the system user jaga: run as root (the CI container is root)";
        else if (!File.Exists("/usr/bin/dpkg") || !File.Exists("/usr/bin/dpkg-deb"))
            Skip = "not a Debian machine: dpkg and dpkg-deb are missing";
        else if (File.Exists("/var/lib/dpkg/info/jaga.list") || File.Exists("/var/lib/dpkg/info/jaga.postrm"))
            Skip = "the jaga package is installed on this machine (or left configured): the test would purge it; "
                + "dpkg -P jaga first if a test run left it";
        else if (Directory.Exists("/etc/jaga") || Directory.Exists("/var/lib/jaga"))
            Skip = "/etc/jaga or /var/lib/jaga exists: a Jaga installed by hand, which the package's purge would delete";
        else if (File.ReadLines("/etc/passwd").Any(line => line.StartsWith("jaga:", StringComparison.Ordinal)))
            Skip = "a user jaga exists on this machine: the package's purge would delete it";
    }
}
