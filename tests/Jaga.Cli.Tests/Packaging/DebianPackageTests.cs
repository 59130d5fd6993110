using Jaga.Engine;
using Jaga.Testing;
using Xunit.Abstractions;

namespace Jaga.Cli.Tests.Packaging;

/// <summary>The package's publish takes both cores for minutes: it runs alone, not beside this project's tests that time
/// a child process (a Ctrl+C answered within 30 s).</summary>
[CollectionDefinition(nameof(DebianPackageTests), DisableParallelization = true)]
public sealed class DebianPackageCollection;

/// <summary>The Debian package as a server gets it: built by <c>packaging/deb/build.sh</c>, installed with
/// <c>dpkg -i</c> on this machine, run as the user <c>jaga</c> it creates, removed with <c>dpkg -r</c> (the plan,
/// the state and the user stay) and purged with <c>dpkg -P</c> (nothing stays). The package is purged in a finally,
/// so a failed assertion leaves nothing installed.</summary>
[Collection(nameof(DebianPackageTests))]
public sealed class DebianPackageTests(ITestOutputHelper output)
{
    private const string Plan = "/etc/jaga/jaga.yaml";
    private const string Unit = "/lib/systemd/system/jaga.service";
    private static readonly TimeSpan Dpkg = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Jaga = TimeSpan.FromMinutes(2);

    [DebianPackageFact]
    [Trait("Category", "Integration")]
    public async Task The_package_installs_runs_as_the_jaga_user_and_removes_and_purges_cleanly()
    {
        var work = Directory.CreateTempSubdirectory("jaga-deb-").FullName;
        try
        {
            var deb = await BuildAsync(work);
            Assert.Equal(["jaga", JagaVersion.Current.Replace('-', '~'), "amd64"],
                [await FieldAsync(deb, "Package"), await FieldAsync(deb, "Version"), await FieldAsync(deb, "Architecture")]);
            Assert.Equal(Plan, (await RunOkAsync("dpkg-deb", ["--info", deb, "conffiles"], Dpkg)).Trim());

            await RunOkAsync("dpkg", ["-i", deb], Dpkg);
            await AssertInstalledAsync();
            await AssertItRunsAsTheJagaUserAsync();
            await AssertTheUnitIsInPlaceAsync();
            await AssertAReinstallKeepsTheEditedPlanAsync(deb);

            await RunOkAsync("dpkg", ["-r", "jaga"], Dpkg);
            Assert.False(File.Exists("/usr/bin/jaga") || Directory.Exists("/usr/lib/jaga") || File.Exists(Unit), "dpkg -r left the program or the unit");
            // Debian policy: a remove keeps the configuration and what the daemon wrote; only a purge deletes them.
            Assert.True(File.Exists(Plan) && File.Exists("/var/lib/jaga/state.db") && await UserExistsAsync(), "dpkg -r removed the plan, the state or the user");

            await RunOkAsync("dpkg", ["-P", "jaga"], Dpkg);
            await AssertNothingLeftAsync();
        }
        finally
        {
            // Whatever failed above, the machine is left as it was (the attribute made sure it had no jaga before).
            if (await PackageKnownAsync()) await ChildProcess.RunAsync("dpkg", ["-P", "jaga"], Dpkg);
            FixtureFolders.TryDelete(work);
        }
    }

    /// <summary>The package: <c>JAGA_DEB</c> when the run was given one built before (CI can build it once for
    /// several runs), else built here. It is compressed with zstd rather than the release's xz: the files are the same,
    /// and xz would add two minutes of CPU to every test run.</summary>
    private async Task<string> BuildAsync(string work)
    {
        if (Environment.GetEnvironmentVariable("JAGA_DEB") is { Length: > 0 } given) return given;
        var script = Path.Combine(ValidateCommandTests.FindRoot(), "packaging", "deb", "build.sh");
        var build = await ChildProcess.RunAsync("bash", [script, work], TimeSpan.FromMinutes(30),
            environment: new Dictionary<string, string> { ["JAGA_DEB_COMPRESS"] = "zstd" });
        output.WriteLine(build.Output);
        Assert.True(build.ExitCode == 0, $"packaging/deb/build.sh exited {build.ExitCode}:\n{build.Output}");
        var deb = build.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.True(File.Exists(deb) && deb.EndsWith($"jaga_{JagaVersion.Current.Replace('-', '~')}_amd64.deb", StringComparison.Ordinal),
            $"build.sh's last line is not the package it built: {deb}");
        return deb;
    }

    private static async Task AssertInstalledAsync()
    {
        var user = (await RunOkAsync("getent", ["passwd", "jaga"], Dpkg)).Trim().Split(':');
        Assert.True(int.Parse(user[2]) < 1000, $"jaga is not a system user: {string.Join(':', user)}");
        Assert.Equal(("/var/lib/jaga", "/usr/sbin/nologin"), (user[5], user[6]));
        foreach (var dir in new[] { "/var/lib/jaga", "/var/log/jaga" })
            Assert.Equal($"jaga:jaga 750", (await RunOkAsync("stat", ["-c", "%U:%G %a", dir], Dpkg)).Trim());
        // The plan may name secrets: root writes it, jaga reads it, nobody else.
        Assert.Equal("root:jaga 640", (await RunOkAsync("stat", ["-c", "%U:%G %a", Plan], Dpkg)).Trim());
        Assert.Equal("/usr/lib/jaga/jaga", new FileInfo("/usr/bin/jaga").ResolveLinkTarget(returnFinalTarget: true)?.FullName);
        Assert.True(File.Exists("/usr/share/doc/jaga/copyright") && File.Exists("/usr/share/doc/jaga/changelog.Debian.gz"),
            "the package has no copyright or changelog in /usr/share/doc/jaga");
    }

    private static async Task AssertItRunsAsTheJagaUserAsync()
    {
        // --version adds the commit (0.1.0+2f6d2e5…).
        Assert.Equal(JagaVersion.Current, (await AsJagaAsync("--version")).Trim().Split('+')[0]);
        Assert.Contains("is valid", await AsJagaAsync("validate", "--plan", Plan), StringComparison.Ordinal);
        var run = await AsJagaAsync("run", "--once", "--plan", Plan);
        // The starter plan's due work: its audit checkpoint (with the key made for it) among the jobs.
        Assert.Contains("0 failed", run, StringComparison.Ordinal);
        var log = await File.ReadAllTextAsync("/var/log/jaga/maintenance.log");
        Assert.Contains("[INFO] Audit checkpoint signed", log, StringComparison.Ordinal);
        foreach (var written in new[] { "/var/lib/jaga/state.db", "/var/lib/jaga/audit.key", "/var/log/jaga/maintenance.log" })
            Assert.Equal("jaga", (await RunOkAsync("stat", ["-c", "%U", written], Dpkg)).Trim());
        Assert.Equal("600", (await RunOkAsync("stat", ["-c", "%a", "/var/lib/jaga/audit.key"], Dpkg)).Trim());
    }

    /// <summary>The unit is deploy/jaga.service (docs/deploy.md) with the package's paths: every other line, the
    /// hardening among them, is the same; and systemd itself finds nothing wrong with it.</summary>
    private async Task AssertTheUnitIsInPlaceAsync()
    {
        var unit = await File.ReadAllLinesAsync(Unit);
        Assert.Contains("ExecStart=/usr/bin/jaga run --plan /etc/jaga/jaga.yaml", unit);
        Assert.Contains("ReadWritePaths=/var/lib/jaga /var/log/jaga", unit);
        Assert.Contains("WorkingDirectory=/var/lib/jaga", unit);
        var shipped = await File.ReadAllLinesAsync(Path.Combine(ValidateCommandTests.FindRoot(), "deploy", "jaga.service"));
        var pathLines = new[] { "# /etc/systemd/system/", "WorkingDirectory=", "ExecStart=", "ReadWritePaths=" };
        Assert.Equal(shipped.Where(l => !pathLines.Any(p => l.StartsWith(p, StringComparison.Ordinal))),
            unit.Where(l => !pathLines.Any(p => l.StartsWith(p, StringComparison.Ordinal)) && !l.StartsWith("# /lib/systemd/system/", StringComparison.Ordinal)));

        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            output.WriteLine("systemd-analyze verify not run: systemd is not installed (scripts/test.sh installs it)");
            return;
        }
        var verify = await ChildProcess.RunAsync("systemd-analyze", ["verify", "--man=no", Unit], Dpkg);
        Assert.True(verify.ExitCode == 0 && verify.Output.Trim().Length == 0, $"systemd-analyze verify {Unit}:\n{verify.Output}");
    }

    /// <summary>/etc/jaga/jaga.yaml is a conffile: installing the package again keeps the administrator's edit.</summary>
    private static async Task AssertAReinstallKeepsTheEditedPlanAsync(string deb)
    {
        var edited = (await File.ReadAllTextAsync(Plan)).Replace("project: server ", "project: tokoku ", StringComparison.Ordinal);
        Assert.Contains("project: tokoku ", edited, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Plan, edited);
        await RunOkAsync("dpkg", ["-i", "--force-confold", deb], Dpkg);
        Assert.Equal(edited, await File.ReadAllTextAsync(Plan));
        Assert.Contains("project tokoku", await AsJagaAsync("validate", "--plan", Plan), StringComparison.Ordinal);
    }

    private static async Task AssertNothingLeftAsync()
    {
        Assert.False(await UserExistsAsync(), "dpkg -P left the user jaga");
        Assert.True((await ChildProcess.RunAsync("getent", ["group", "jaga"], Dpkg)).ExitCode != 0, "dpkg -P left the group jaga");
        foreach (var path in new[] { "/etc/jaga", "/var/lib/jaga", "/var/log/jaga", "/usr/lib/jaga", "/usr/share/doc/jaga" })
            Assert.False(Directory.Exists(path), $"dpkg -P left {path}");
        foreach (var path in new[] { "/usr/bin/jaga", Unit, "/var/lib/dpkg/info/jaga.list", "/var/lib/dpkg/info/jaga.postrm" })
            Assert.False(File.Exists(path), $"dpkg -P left {path}");
        Assert.False(await PackageKnownAsync(), "dpkg still knows the package jaga after dpkg -P");
    }

    private static Task<string> AsJagaAsync(params string[] args) => RunOkAsync("runuser", ["-u", "jaga", "--", "/usr/bin/jaga", .. args], Jaga);

    private static async Task<string> FieldAsync(string deb, string field) => (await RunOkAsync("dpkg-deb", ["--field", deb, field], Dpkg)).Trim();

    private static async Task<bool> UserExistsAsync() => (await ChildProcess.RunAsync("getent", ["passwd", "jaga"], Dpkg)).ExitCode == 0;

    /// <summary>Whether dpkg has any record of jaga: installed, half-installed or only its configuration left.</summary>
    private static async Task<bool> PackageKnownAsync()
    {
        var status = await ChildProcess.RunAsync("dpkg-query", ["-W", "-f=${db:Status-Status}", "jaga"], Dpkg);
        return status.ExitCode == 0 && status.Output.Trim() is { Length: > 0 } s && s != "not-installed";
    }

    private static async Task<string> RunOkAsync(string file, string[] args, TimeSpan timeout)
    {
        var run = await ChildProcess.RunAsync(file, args, timeout);
        Assert.True(run.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {run.ExitCode}:\n{run.Output}");
        return run.Output;
    }
}
