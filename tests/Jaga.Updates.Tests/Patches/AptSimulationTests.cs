using Jaga.Core.Updates.Patches;

namespace Jaga.Updates.Tests.Patches;

/// <summary>The parser on output captured from this Debian 12 machine's apt 2.6.1, and on the edges apt's source allows.</summary>
public sealed class AptSimulationTests
{
    [Fact]
    public void Debian_upgrade_lists_every_Inst_line_with_its_versions_origins_and_architecture()
    {
        var sim = AptSimulation.Parse(AptSamples.Read("debian12-upgrade.txt"));

        Assert.Equal(new AptSummary(140, 0, 0, 0, 0, 0), sim.Summary);
        Assert.Equal(140, sim.Installs.Count);
        Assert.Equal(140, sim.Upgrades.Count());
        Assert.Empty(sim.KeptBack);
        Assert.Empty(sim.Removals);
        var gcrypt = Assert.Single(sim.Installs, i => i.Name == "libgcrypt20");
        Assert.Equal(("1.10.1-3", "1.10.1-3+deb12u1", "amd64"), (gcrypt.Installed, gcrypt.Candidate, gcrypt.Architecture));
        Assert.Equal([new AptOrigin("Debian", "12.15", "oldstable"), new AptOrigin("Debian-Security", "12", "oldstable-security")], gcrypt.Origins);
        Assert.True(gcrypt.Security);
        Assert.Equal("Debian-Security", gcrypt.Origin?.Name);
        Assert.Equal("libgcrypt20=1.10.1-3+deb12u1", gcrypt.Pinned);
    }

    [Fact]
    public void Debian_upgrade_tells_security_updates_from_point_release_ones()
    {
        var sim = AptSimulation.Parse(AptSamples.Read("debian12-upgrade.txt"));

        // grep '^Inst' debian12-upgrade.txt | grep -c Debian-Security
        Assert.Equal(90, sim.SecurityUpgrades.Count());
        var bash = Assert.Single(sim.Installs, i => i.Name == "bash");
        Assert.False(bash.Security);
        Assert.Equal("Debian", bash.Origin?.Name);
        Assert.Contains(sim.SecurityUpgrades, i => i.Name == "openssl" && i.Candidate == "3.0.22-1~deb12u2");
        Assert.DoesNotContain(sim.SecurityUpgrades, i => i.Name == "systemd");
    }

    [Fact]
    public void Epochs_tildes_and_plus_signs_stay_in_the_versions_and_arch_all_is_read()
    {
        var sim = AptSimulation.Parse(AptSamples.Read("debian12-upgrade.txt"));

        var cap = Assert.Single(sim.Installs, i => i.Name == "libcap2");
        Assert.Equal(("1:2.66-4+deb12u2+b2", "1:2.66-4+deb12u3+b1"), (cap.Installed, cap.Candidate));
        var pam = Assert.Single(sim.Installs, i => i.Name == "libpam-runtime");
        Assert.Equal("all", pam.Architecture);
        // "[libpam-modules:amd64 on libpam-modules-bin:amd64] [libpam-modules:amd64 ]" after the candidate is the simulator's, not a version.
        var bin = Assert.Single(sim.Installs, i => i.Name == "libpam-modules-bin");
        Assert.Equal(("1.5.2-6+deb12u3", "amd64"), (bin.Candidate, bin.Architecture));
        Assert.Contains(sim.Installs, i => i.Name == "libpython3.11-minimal");
        Assert.Contains(sim.Installs, i => i.Name == "openjdk-17-jdk" && i.Candidate == "17.0.21.1+2-1~deb12u1");
    }

    [Fact]
    public void Non_root_output_has_apts_simulation_note_and_the_same_packages()
    {
        var root = AptSimulation.Parse(AptSamples.Read("debian12-upgrade.txt"));
        var user = AptSimulation.Parse(AptSamples.Read("debian12-upgrade-nonroot.txt"));

        Assert.Equal(root.Installs, user.Installs);
        Assert.Equal(root.Summary, user.Summary);
        Assert.Empty(user.KeptBack);
    }

    [Fact]
    public void Held_packages_are_kept_back_and_not_pending()
    {
        var sim = AptSimulation.Parse(AptSamples.Read("debian12-upgrade-held.txt"));

        Assert.Equal(["libssl-dev", "libssl3", "openssl"], sim.KeptBack);
        Assert.Equal(new AptSummary(137, 0, 0, 0, 0, 3), sim.Summary);
        Assert.Equal(137, sim.Installs.Count);
        Assert.DoesNotContain(sim.Installs, i => sim.KeptBack.Contains(i.Name));
    }

    [Fact]
    public void Nothing_pending_reads_as_an_empty_simulation_with_its_count_line()
    {
        var sim = AptSimulation.Parse(AptSamples.Read("debian12-upgrade-none.txt"));

        Assert.Equal(new AptSummary(0, 0, 0, 0, 0, 0), sim.Summary);
        Assert.Empty(sim.Installs);
        Assert.Empty(sim.KeptBack);
    }

    [Fact]
    public void A_new_package_has_no_installed_version_and_is_no_upgrade()
    {
        var sim = AptSimulation.Parse(AptSamples.Read("debian12-install-new.txt"));

        var sl = Assert.Single(sim.Installs);
        Assert.Equal(("sl", "5.02-1+b1"), (sl.Name, sl.Candidate));
        Assert.Null(sl.Installed);
        Assert.False(sl.Upgrade);
        Assert.Empty(sim.Upgrades);
        Assert.Equal(1, sim.Summary!.NewlyInstalled);
        Assert.Equal(140, sim.Summary!.NotUpgraded);
    }

    [Fact]
    public void A_removal_is_read_from_its_Remv_line()
    {
        var sim = AptSimulation.Parse(AptSamples.Read("debian12-remove.txt"));

        Assert.Equal([new AptRemoval("zip", "3.0-13")], sim.Removals);
        Assert.Empty(sim.Installs);
        Assert.Equal(1, sim.Summary!.ToRemove);
    }

    [Fact]
    public void The_dry_run_of_a_security_install_shows_the_packages_apt_pulls_in()
    {
        var sim = AptSimulation.Parse(AptSamples.Read("debian12-install-only-upgrade.txt"));

        Assert.Equal(["liblzma-dev", "liblzma5", "xz-utils", "libssl-dev", "libssl3", "openssl"], sim.Installs.Select(i => i.Name));
        Assert.All(sim.Installs, i => Assert.True(i.Security));
        Assert.Equal(134, sim.Summary!.NotUpgraded);
    }

    [Fact]
    public void Ubuntu_shape_foreign_architecture_esm_and_names_with_plus_and_dot()
    {
        var sim = AptSimulation.Parse(AptSamples.Read("ubuntu2204-upgrade.txt"));

        Assert.Equal(["linux-generic", "linux-headers-generic", "linux-image-generic"], sim.KeptBack);
        Assert.Equal(10, sim.Installs.Count);
        Assert.Equal(
            ["libc6", "libc6:i386", "libssl3", "openssl", "python3.10", "python3.10-minimal", "tzdata", "libmagickcore-6.q16-6"],
            sim.SecurityUpgrades.Select(i => i.Name));
        var i386 = Assert.Single(sim.Installs, i => i.Name == "libc6:i386");
        Assert.Equal(("libc6", "i386"), (i386.Package, i386.Architecture));
        var stdcxx = Assert.Single(sim.Installs, i => i.Name == "libstdc++6");
        Assert.False(stdcxx.Security);
        Assert.Equal("12.3.0-1ubuntu1~22.04.1", stdcxx.Candidate);
        var magick = Assert.Single(sim.Installs, i => i.Name == "libmagickcore-6.q16-6");
        Assert.Equal("8:6.9.11.60+dfsg-1.3ubuntu0.22.04.5+esm1", magick.Candidate);
        Assert.Equal(new AptOrigin("UbuntuESMApps", "22.04", "jammy-apps-security"), magick.Origin);
        Assert.Equal("Ubuntu", Assert.Single(sim.Installs, i => i.Name == "openssl").Origin?.Name);
    }

    [Fact]
    public void Apt_3_count_line_under_Summary_is_read()
    {
        const string output = """
            Upgrading:
              openssl

            Not upgrading:
              libfoo

            Summary:
              Upgrading: 1, Installing: 0, Removing: 0, Not Upgrading: 1
            Inst openssl [3.5.0-1] (3.5.1-1 Debian-Security:13/stable-security [amd64])
            Conf openssl (3.5.1-1 Debian-Security:13/stable-security [amd64])
            """;

        var sim = AptSimulation.Parse(output);

        Assert.Equal(new AptSummary(1, 0, 0, 0, 0, 1), sim.Summary);
        Assert.Equal(["libfoo"], sim.KeptBack);
        Assert.True(Assert.Single(sim.Installs).Security);
    }

    [Fact]
    public void Reinstalled_and_downgraded_counts_are_read_and_a_reinstall_is_no_upgrade()
    {
        const string output = """
            0 upgraded, 0 newly installed, 1 reinstalled, 0 to remove and 5 not upgraded.
            Inst zip [3.0-13] (3.0-13 Debian:12.15/oldstable [amd64])
            """;

        var sim = AptSimulation.Parse(output);

        Assert.Equal(new AptSummary(0, 0, 1, 0, 0, 5), sim.Summary);
        Assert.Empty(sim.Upgrades);
    }

    [Fact]
    public void A_candidate_from_a_repository_without_a_release_file_is_named_by_its_host()
    {
        var sim = AptSimulation.Parse("Inst tool [1.0] (1.1 localhost [amd64])\n1 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n");

        var tool = Assert.Single(sim.Installs);
        Assert.Equal(new AptOrigin(null, null, "localhost"), tool.Origin);
        Assert.False(tool.Security);
    }

    [Theory]
    [InlineData("Inst openssl [3.0.1] 3.0.2 Debian [amd64]")]
    [InlineData("Inst openssl [3.0.1] (3.0.2 Debian-Security:12/stable-security)")]
    [InlineData("Inst openssl")]
    [InlineData("Remv zip (3.0-13)")]
    public void An_Inst_or_Remv_line_of_an_unknown_shape_is_refused_not_guessed(string line)
    {
        var e = Assert.Throws<FormatException>(() => AptSimulation.Parse(line + "\n"));
        Assert.Contains(line, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_line_that_disagrees_with_the_Inst_lines_is_refused()
    {
        const string output = """
            2 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.
            Inst openssl [3.0.1] (3.0.2 Debian-Security:12/stable-security [amd64])
            """;

        var e = Assert.Throws<FormatException>(() => AptSimulation.Parse(output));
        Assert.Contains("2 package(s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_without_a_count_line_has_no_summary()
    {
        Assert.Null(AptSimulation.Parse("Reading package lists...\n").Summary);
    }
}
