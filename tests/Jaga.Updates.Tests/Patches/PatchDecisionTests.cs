using Jaga.Core.Messages;
using Jaga.Core.Updates.Patches;

namespace Jaga.Updates.Tests.Patches;

/// <summary>Which origins are security archives, the restart flag, and whether a security-only install may go ahead.</summary>
public sealed class PatchDecisionTests
{
    [Theory]
    [InlineData("Debian-Security:12/oldstable-security", true)]
    [InlineData("Debian-Security:12/stable-security", true)]
    [InlineData("Ubuntu:22.04/jammy-security", true)]
    [InlineData("UbuntuESM:22.04/jammy-infra-security", true)]
    [InlineData("Debian:12.15/oldstable", false)]
    [InlineData("Debian:12/bookworm-updates", false)]
    [InlineData("Ubuntu:22.04/jammy-updates", false)]
    [InlineData("Docker CE:stable", false)]
    [InlineData("download.docker.com", false)]
    public void An_origin_is_security_by_its_suite_or_its_label(string text, bool security)
    {
        var origin = AptOrigin.Parse(text);

        Assert.Equal(security, origin.IsSecurity);
        Assert.Equal(text, origin.ToString());
    }

    [Fact]
    public void An_origin_splits_into_label_version_and_archive()
    {
        Assert.Equal(new AptOrigin("Debian-Security", "12", "oldstable-security"), AptOrigin.Parse("Debian-Security:12/oldstable-security"));
        Assert.Equal(new AptOrigin("Docker CE", null, "stable"), AptOrigin.Parse("Docker CE:stable"));
        Assert.Equal(new AptOrigin(null, null, "localhost"), AptOrigin.Parse("localhost"));
        Assert.Equal("Debian-Security", AptOrigin.Parse("Debian-Security:12/oldstable-security").Name);
        Assert.Equal("localhost", AptOrigin.Parse("localhost").Name);
    }

    [Fact]
    public void The_restart_flag_names_each_package_once()
    {
        var reboot = RebootRequirement.Read(true, "linux-image-6.1.0-28-amd64\nlibc6\n\nlinux-image-6.1.0-28-amd64\n");

        Assert.True(reboot.Required);
        Assert.Equal(["linux-image-6.1.0-28-amd64", "libc6"], reboot.Packages);
    }

    [Fact]
    public void Without_the_flag_no_restart_is_required_whatever_a_stale_package_list_says()
    {
        Assert.Equal(RebootRequirement.None, RebootRequirement.Read(false, "libc6\n"));
        Assert.Empty(RebootRequirement.Read(true, null).Packages);
    }

    [Fact]
    public void The_install_targets_are_the_pending_security_updates_pinned_to_their_candidates()
    {
        var check = new PatchCheck(AptSimulation.Parse(AptSamples.Read("ubuntu2204-upgrade.txt")), RebootRequirement.None);

        var targets = SecurityPatchReview.Targets(check);

        Assert.Equal(8, targets.Count);
        Assert.Contains("openssl=3.0.2-0ubuntu1.18", targets);
        Assert.Contains("libc6:i386=2.35-0ubuntu3.8", targets);
        Assert.DoesNotContain(targets, t => t.StartsWith("snapd=", StringComparison.Ordinal));
        Assert.Equal(10, check.Pending.Count);
        Assert.Equal(8, check.Security.Count);
    }

    [Fact]
    public void A_dry_run_of_security_updates_only_is_approved()
    {
        var review = SecurityPatchReview.Of(AptSimulation.Parse(AptSamples.Read("debian12-install-only-upgrade.txt")));

        Assert.True(review.Approved);
        Assert.Equal(6, review.Changes.Count);
    }

    [Fact]
    public void A_dry_run_that_removes_a_package_is_refused_naming_it()
    {
        var review = SecurityPatchReview.Of(AptSimulation.Parse(AptSamples.Read("debian12-remove.txt")));

        Assert.False(review.Approved);
        var why = Assert.Single(review.Refusals);
        Assert.Equal("the install would remove zip", Catalog.English.Format(why.Key, [.. why.Args]));
        Assert.Equal("pemasangan akan menghapus zip", Catalog.Indonesian.Format(why.Key, [.. why.Args]));
    }

    [Fact]
    public void A_dry_run_that_pulls_in_a_non_security_version_is_refused_naming_it()
    {
        const string dryRun = """
            2 upgraded, 0 newly installed, 0 to remove and 9 not upgraded.
            Inst libssl3 [3.0.19-1~deb12u2] (3.0.22-1~deb12u2 Debian-Security:12/oldstable-security [amd64])
            Inst libsystemd0 [252.38-1~deb12u1] (252.39-1~deb12u2 Debian:12.15/oldstable [amd64])
            """;

        var review = SecurityPatchReview.Of(AptSimulation.Parse(dryRun));

        Assert.False(review.Approved);
        var why = Assert.Single(review.Refusals);
        Assert.Contains("libsystemd0 252.39-1~deb12u2 (Debian)", Catalog.English.Format(why.Key, [.. why.Args]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_from_both_updates_and_security_counts_as_security()
    {
        var install = AptSimulation.Parse(AptSamples.Read("debian12-upgrade.txt")).Installs.Single(i => i.Name == "krb5-locales");

        Assert.True(install.Security);
        Assert.Equal("Debian-Security", install.Origin?.Name);
    }
}
