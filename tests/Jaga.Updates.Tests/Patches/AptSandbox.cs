using System.Globalization;
using System.Security.Cryptography;
using Jaga.Engine.Updates.Patches;
using Jaga.Testing;

namespace Jaga.Updates.Tests.Patches;

/// <summary>A private Debian root in a temporary folder, driven by the real apt-get and dpkg: two packages built with
/// <c>dpkg-deb</c> and installed at 1.0 with <c>dpkg --root</c>, and two flat <c>file:</c> repositories offering 1.1 —
/// <c>jaga-demo</c> from one labelled <c>Debian-Security</c> (suite <c>stable-security</c>), <c>jaga-other</c> from
/// one labelled <c>Debian</c> (suite <c>stable</c>). <c>APT_CONFIG</c> points apt at it, so a real install changes
/// files under the folder only, never the machine's packages.</summary>
public sealed class AptSandbox : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(3);

    private AptSandbox(string root) => Root = root;

    public string Root { get; }

    public string AdminDir => Path.Combine(Root, "var", "lib", "dpkg");

    /// <summary>This machine's apt-get and dpkg-query, pointed at the sandbox.</summary>
    public AptTool Apt => OsPatchesTests.Apt with
    {
        Environment = new Dictionary<string, string> { ["APT_CONFIG"] = Path.Combine(Root, "apt.conf") },
        DpkgAdminDir = AdminDir,
        RebootFlag = Path.Combine(Root, "run", "reboot-required"),
        RebootPackages = Path.Combine(Root, "run", "reboot-required.pkgs"),
    };

    public static async Task<AptSandbox> CreateAsync()
    {
        var box = new AptSandbox(Directory.CreateTempSubdirectory("jaga-aptbox-").FullName);
        try
        {
            await box.BuildAsync();
            return box;
        }
        catch
        {
            box.Dispose();
            throw;
        }
    }

    /// <summary>The version dpkg in the sandbox has installed, or null.</summary>
    public async Task<string?> InstalledAsync(string package)
    {
        var run = await ChildProcess.RunAsync("dpkg-query", [$"--admindir={AdminDir}", "-W", "-f=${Version}", package], ToolTimeout);
        return run.ExitCode == 0 ? run.Output.Trim() : null;
    }

    private async Task BuildAsync()
    {
        string[] folders = ["etc/apt/apt.conf.d", "etc/apt/preferences.d", "etc/apt/sources.list.d", "var/lib/apt/lists/partial",
            "var/cache/apt/archives/partial", "var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers", "var/log/apt", "run",
            "repo/security", "repo/main", "build"];
        foreach (var f in folders) Directory.CreateDirectory(Path.Combine(Root, f));
        await File.WriteAllTextAsync(Path.Combine(AdminDir, "status"), "");
        await File.WriteAllTextAsync(Path.Combine(AdminDir, "available"), "");
        var build = Path.Combine(Root, "build");
        await PackAsync("jaga-demo", "1.0", build);
        await PackAsync("jaga-other", "1.0", build);
        await PackAsync("jaga-demo", "1.1", Path.Combine(Root, "repo", "security"));
        await PackAsync("jaga-other", "1.1", Path.Combine(Root, "repo", "main"));
        await RunAsync("dpkg", $"--root={Root}", $"--log={Path.Combine(Root, "var", "log", "dpkg.log")}", "-i",
            Path.Combine(build, "jaga-demo_1.0_all.deb"), Path.Combine(build, "jaga-other_1.0_all.deb"));
        await RepositoryAsync("security", "Debian-Security", "stable-security", "bookworm-security");
        await RepositoryAsync("main", "Debian", "stable", "bookworm");
        await File.WriteAllTextAsync(Path.Combine(Root, "etc", "apt", "sources.list"),
            $"deb [trusted=yes] file:{Root}/repo/security ./\ndeb [trusted=yes] file:{Root}/repo/main ./\n");
        // Every path apt and dpkg write to is under the root; the sandbox user would not be let into a private temp folder.
        await File.WriteAllTextAsync(Path.Combine(Root, "apt.conf"), $$"""
            Dir "{{Root}}/";
            Dir::State::status "{{AdminDir}}/status";
            Dir::Etc::main "{{Root}}/apt.conf";
            APT::Architecture "amd64";
            APT::Sandbox::User "root";
            DPkg::Options { "--root={{Root}}"; "--log={{Root}}/var/log/dpkg.log"; };
            """);
        var update = await ChildProcess.RunAsync("/usr/bin/env", [$"APT_CONFIG={Path.Combine(Root, "apt.conf")}", "apt-get", "update"], ToolTimeout);
        if (update.ExitCode != 0) throw new InvalidOperationException($"apt-get update in the sandbox failed:\n{update.Output}");
    }

    private async Task PackAsync(string package, string version, string into)
    {
        var tree = Path.Combine(Root, "build", $"{package}-{version}");
        Directory.CreateDirectory(Path.Combine(tree, "DEBIAN"));
        Directory.CreateDirectory(Path.Combine(tree, "usr", "share", package));
        await File.WriteAllTextAsync(Path.Combine(tree, "DEBIAN", "control"),
            $"Package: {package}\nVersion: {version}\nArchitecture: all\nMaintainer: Jaga tests <tests@jaga.invalid>\nDescription: a package for jaga's patch tests\n");
        await File.WriteAllTextAsync(Path.Combine(tree, "usr", "share", package, "VERSION"), version + "\n");
        await RunAsync("dpkg-deb", "--root-owner-group", "--build", tree, Path.Combine(into, $"{package}_{version}_all.deb"));
    }

    /// <summary>A flat repository: its Packages index from dpkg-scanpackages, and a Release file naming its label and suite
    /// with the index's SHA-256 (apt refuses a Release without hashes, even a trusted one).</summary>
    private async Task RepositoryAsync(string folder, string label, string suite, string codename)
    {
        var dir = Path.Combine(Root, "repo", folder);
        var scan = await ChildProcess.RunAsync("/bin/sh", ["-c", "dpkg-scanpackages --multiversion . > Packages 2>/dev/null"], ToolTimeout, workingDirectory: dir);
        if (scan.ExitCode != 0) throw new InvalidOperationException($"dpkg-scanpackages failed in {dir}");
        var bytes = await File.ReadAllBytesAsync(Path.Combine(dir, "Packages"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await File.WriteAllTextAsync(Path.Combine(dir, "Release"),
            $"Origin: Debian\nLabel: {label}\nSuite: {suite}\nCodename: {codename}\nVersion: 12\nDate: Mon, 07 Dec 2026 00:00:00 UTC\n"
            + $"Architectures: amd64 all\nSHA256:\n {hash} {bytes.Length.ToString(CultureInfo.InvariantCulture)} Packages\n");
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var run = await ChildProcess.RunAsync(program, args, ToolTimeout);
        if (run.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed:\n{run.Output}");
    }

    public void Dispose() => FixtureFolders.TryDelete(Root);
}
