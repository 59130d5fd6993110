using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Updates.Patches;
using Jaga.Engine.Updates.Patches;
using Jaga.Testing;

namespace Jaga.Updates.Tests.Patches;

/// <summary>The engine against this machine's real apt-get: the simulations only, never a real upgrade.</summary>
[Trait("Category", "Integration")]
public sealed class OsPatchesTests : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(5);
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-patches-").FullName;

    internal static AptTool Apt => AptTool.Local() ?? throw new InvalidOperationException("these tests need apt-get: they run on the Debian build machine");

    /// <summary>The shell's count of a pipeline over <c>apt-get -s upgrade</c>, as an operator would check it.</summary>
    internal static async Task<int> CountAsync(string filter)
    {
        var run = await ChildProcess.RunAsync("/bin/sh", ["-c", $"LC_ALL=C apt-get -s upgrade 2>/dev/null | {filter}"], ToolTimeout);
        return int.Parse(run.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_check_reads_this_machines_apt_get_upgrade_and_counts_what_grep_counts()
    {
        var check = await new OsPatches(Apt with { RebootFlag = Path.Combine(dir, "none") }, Catalog.English, TimeProvider.System).CheckAsync();

        Assert.Equal(await CountAsync("grep -c '^Inst'"), check.Simulation.Installs.Count);
        Assert.Equal(await CountAsync("grep '^Inst' | grep -c -- '-security'"), check.Security.Count);
        Assert.Equal(check.Simulation.Summary!.Upgraded, check.Pending.Count);
        Assert.False(check.Reboot.Required);
        Assert.All(check.Pending, p => Assert.NotEqual(p.Installed, p.Candidate));
    }

    [Fact]
    public async Task The_restart_flag_and_its_packages_are_read_from_their_files()
    {
        var flag = Path.Combine(dir, "reboot-required");
        await File.WriteAllTextAsync(flag, "*** System restart required ***\n");
        await File.WriteAllTextAsync(flag + ".pkgs", "linux-image-6.1.0-28-amd64\nlibc6\nlibc6\n");

        var check = await new OsPatches(Apt with { RebootFlag = flag, RebootPackages = flag + ".pkgs" }, Catalog.English, TimeProvider.System).CheckAsync();

        Assert.True(check.Reboot.Required);
        Assert.Equal(["linux-image-6.1.0-28-amd64", "libc6"], check.Reboot.Packages);
        var summary = OsPatches.Summary(check);
        Assert.Contains("reboot required (packages: linux-image-6.1.0-28-amd64, libc6)", summary.Message(Catalog.English), StringComparison.Ordinal);
        Assert.Contains("perlu reboot (paket: linux-image-6.1.0-28-amd64, libc6)", summary.Message(Catalog.Indonesian), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dry_run_of_the_security_install_covers_every_pending_security_update()
    {
        var patches = new OsPatches(Apt, Catalog.English, TimeProvider.System);
        var check = await patches.CheckAsync();

        var review = await patches.ReviewAsync(check);

        Assert.All(check.Security, s => Assert.Contains(review.Changes, c => c.Name == s.Name && c.Candidate == s.Candidate));
        Assert.Equal(check.Security.Count == 0, review.Changes.Count == 0);
    }

    [Fact]
    public async Task An_apt_that_fails_is_reported_with_its_own_error_line()
    {
        var config = Path.Combine(dir, "apt.conf");
        await File.WriteAllTextAsync(config, "APT::Get::Foo \"unterminated;\n");
        var broken = Apt with { Environment = new Dictionary<string, string> { ["APT_CONFIG"] = config } };

        var e = await Assert.ThrowsAsync<PatchToolException>(() => new OsPatches(broken, Catalog.English, TimeProvider.System).CheckAsync());

        Assert.Contains("apt-get -s upgrade exited 100", e.Message, StringComparison.Ordinal);
        Assert.Contains("E: Syntax error", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applying_without_root_is_refused_before_apt_runs()
    {
        var review = SecurityPatchReview.Of(AptSimulation.Parse(AptSamples.Read("debian12-install-only-upgrade.txt")));
        // An apt-get that does not exist: reaching it would throw something else than the refusal.
        var notRoot = new AptTool("/nonexistent/apt-get", "/nonexistent/dpkg-query") { IsRoot = false };

        var e = await Assert.ThrowsAsync<UserException>(() => new OsPatches(notRoot, Catalog.English, TimeProvider.System).ApplyAsync(review, null!, null));

        Assert.Contains("--apply installs packages and needs root", e.Message, StringComparison.Ordinal);
        Assert.Contains("sudo jaga patches --apply --security-only", e.Hint, StringComparison.Ordinal);
    }

    public void Dispose() => FixtureFolders.TryDelete(dir);
}
