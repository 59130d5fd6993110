using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates.Patches;
using Jaga.Engine.Journal;
using Jaga.Engine.Updates.Patches;
using Jaga.Sqlite;
using Jaga.Testing;

namespace Jaga.Updates.Tests.Patches;

/// <summary>A real <c>apt-get install</c> of security updates, into the private root of an <see cref="AptSandbox"/>:
/// what is installed, what dpkg shows afterwards, and the maintenance log's lines.</summary>
[Trait("Category", "Integration")]
public sealed class SecurityPatchApplyTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-patches-apply-").FullName;

    private async Task<(MaintenanceJournal Journal, SqliteStateStore Store)> JournalAsync(string sections = "")
    {
        var yaml = "version: 1\nproject: toko\ntimezone: UTC\nlanguage: en\nlog: { file: logs/maintenance.log }\n" + sections;
        var loaded = PlanLoader.Load(yaml, "jaga.yaml", dir, new PlanWorld(_ => null, _ => null));
        Assert.True(loaded.Ok, string.Join('\n', loaded.Errors));
        var store = await SqliteStateStore.OpenAsync(Path.Combine(dir, "state.db"), TimeProvider.System);
        return (new MaintenanceJournal(store, loaded.Plan!, TimeProvider.System, "patch-test") { Waits = TimeProvider.System }, store);
    }

    private string Log => File.ReadAllText(Path.Combine(dir, "logs", "maintenance.log"));

    [Fact]
    public async Task The_check_tells_the_security_update_from_the_other_one()
    {
        using var box = await AptSandbox.CreateAsync();

        var check = await new OsPatches(box.Apt, Catalog.English, TimeProvider.System).CheckAsync();

        Assert.Equal(["jaga-demo", "jaga-other"], check.Pending.Select(p => p.Name).Order(StringComparer.Ordinal));
        var demo = Assert.Single(check.Security);
        Assert.Equal(("jaga-demo", "1.0", "1.1", "Debian-Security:12/stable-security"), (demo.Name, demo.Installed, demo.Candidate, demo.Origin?.ToString()));
        Assert.False(check.Reboot.Required);
    }

    [Fact]
    public async Task Apply_installs_only_the_security_update_and_logs_it_as_dpkg_shows_it()
    {
        using var box = await AptSandbox.CreateAsync();
        var (journal, store) = await JournalAsync();
        await using var _ = store;
        var patches = new OsPatches(box.Apt, Catalog.English, TimeProvider.System);
        var review = await patches.ReviewAsync(await patches.CheckAsync());
        Assert.True(review.Approved);
        Assert.Equal(["jaga-demo"], review.Changes.Select(c => c.Name));
        var printed = new List<string>();

        var result = await patches.ApplyAsync(review, journal, printed.Add);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(["jaga-demo"], result.Applied.Select(a => a.Name));
        Assert.Equal("1.1", await box.InstalledAsync("jaga-demo"));
        Assert.Equal("1.0", await box.InstalledAsync("jaga-other"));
        Assert.Equal("1.1\n", await File.ReadAllTextAsync(Path.Combine(box.Root, "usr", "share", "jaga-demo", "VERSION")));
        Assert.Contains(printed, l => l.Contains("Unpacking jaga-demo (1.1) over (1.0)", StringComparison.Ordinal));
        Assert.Contains("[WARN] Security patch applied: jaga-demo 1.1 (Debian-Security)", Log, StringComparison.Ordinal);
        var entries = new List<AuditEntry>();
        await foreach (var e in store.ReadAsync()) entries.Add(e);
        var applied = Assert.Single(entries, e => e.Kind == "patches.apply");
        Assert.Equal(("1.0", "1.1", "Debian-Security:12/stable-security"), (applied.Data["from"], applied.Data["to"], applied.Data["origin"]));
        var after = await patches.CheckAsync();
        Assert.Equal(["jaga-other"], after.Pending.Select(p => p.Name));
        Assert.Empty(after.Security);
    }

    [Fact]
    public async Task An_install_apt_refuses_is_logged_as_an_error_naming_what_was_not_applied()
    {
        using var box = await AptSandbox.CreateAsync();
        var (journal, store) = await JournalAsync();
        await using var _ = store;
        // A candidate gone between the check and the install: apt-get refuses the pinned version.
        var gone = SecurityPatchReview.Of(AptSimulation.Parse(
            "1 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\nInst jaga-demo [1.0] (9.9 Debian-Security:12/stable-security [all])\n"));

        var result = await new OsPatches(box.Apt, Catalog.English, TimeProvider.System).ApplyAsync(gone, journal, null);

        Assert.False(result.Succeeded);
        Assert.Equal(["jaga-demo"], result.NotApplied.Select(a => a.Name));
        Assert.Contains("apt-get exited 100: E: Version '9.9' for 'jaga-demo' was not found", result.Failure, StringComparison.Ordinal);
        Assert.Equal("1.0", await box.InstalledAsync("jaga-demo"));
        Assert.Contains("[ERROR] Security patches FAILED: apt-get exited 100: E: Version '9.9' for 'jaga-demo' was not found; not applied: jaga-demo", Log, StringComparison.Ordinal);
        Assert.DoesNotContain("Security patch applied", Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_restart_flag_of_the_sandbox_is_read_after_an_update_sets_it()
    {
        using var box = await AptSandbox.CreateAsync();
        await File.WriteAllTextAsync(box.Apt.RebootFlag, "*** System restart required ***\n");
        await File.WriteAllTextAsync(box.Apt.RebootPackages, "jaga-demo\n");

        var check = await new OsPatches(box.Apt, Catalog.Indonesian, TimeProvider.System).CheckAsync();

        Assert.Equal(["jaga-demo"], check.Reboot.Packages);
        Assert.Equal("Patch OS: 2 pembaruan tertunda, 1 di antaranya keamanan, 0 ditahan; perlu reboot (paket: jaga-demo)",
            OsPatches.Summary(check).Message(Catalog.Indonesian));
    }

    [Fact]
    public async Task With_update_review_before_the_security_patches_wait_for_a_review_by_someone_else_then_install_once()
    {
        using var box = await AptSandbox.CreateAsync();
        var (journal, store) = await JournalAsync("update: { review: before }\n");
        await using var _ = store;
        var patches = new OsPatches(box.Apt, Catalog.English, TimeProvider.System);
        var review = await patches.ReviewAsync(await patches.CheckAsync());
        const ReviewTiming timing = ReviewTiming.Before;

        var held = await SecurityPatchGate.PassAsync(review, journal, timing, default);
        var heldAgain = await SecurityPatchGate.PassAsync(review, journal, timing, default);

        Assert.False(held!.Passed);
        Assert.False(heldAgain!.Passed);
        Assert.Equal(held.Change.Id, heldAgain.Change.Id);
        Assert.Equal((ChangeKind.SecurityPatch, $"patches:{journal.Node}:jaga-demo=1.1", "patch-test"), (held.Change.Kind, held.Change.Subject, held.Change.Author));
        Assert.Equal($"OS security patches installed on {journal.Node}: jaga-demo 1.1", held.Change.What);
        Assert.Equal("1.0", await box.InstalledAsync("jaga-demo"));
        Assert.Null(await SecurityPatchGate.PassAsync(review, journal, ReviewTiming.After, default));

        Assert.Equal(ChangeReviewOutcome.Reviewed, await store.Changes.ReviewAsync(held.Change.Id, new ChangeReview("sari", DateTimeOffset.UnixEpoch, "USN read", null)));
        var passed = await SecurityPatchGate.PassAsync(review, journal, timing, default);
        Assert.True(passed!.Passed);
        var result = await patches.ApplyAsync(review, journal, null);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("1.1", await box.InstalledAsync("jaga-demo"));
        var change = Assert.Single(await store.Changes.ListAsync(unreviewed: false, 10));
        Assert.True(change.Applied);
        Assert.Equal("sari", change.Review?.By);
        Assert.Null(await SecurityPatchGate.PassAsync(await patches.ReviewAsync(await patches.CheckAsync()), journal, timing, default));
    }

    public void Dispose() => FixtureFolders.TryDelete(dir);
}
