using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>The backup and heartbeat checks, read from a real SQLite state store.</summary>
public sealed class StoredProbeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Backup_check_is_up_when_the_newest_good_backup_is_young_and_verification_passed()
    {
        var clock = new FakeTimeProvider(Now);
        await using var world = await ProbeWorld.CreateAsync("- name: nightly\n  heartbeat: { every: 1h }", clock);
        var nightly = world.Check("nightly");
        var check = new BackupCheck(nightly.Name, "db", TimeSpan.FromHours(26), nightly.Every, nightly.Timeout, nightly.Expect, nightly.DependsOn, nightly.Alert);
        await world.Store.Backups.SaveAsync(Record("a", "db_2026-11-30", Now.AddHours(-30), verified: "ok"));
        await world.Store.Backups.SaveAsync(Record("b", "db_2026-12-01", Now.AddHours(-6), verified: null));
        await world.Store.Backups.SaveAsync(Record("c", "db_failed", Now.AddHours(-1), verified: null, BackupStatus.Failed));

        var seen = await world.ObserveAsync(check);
        Assert.Null(seen.Error);
        Assert.True(seen.Connected);
        Assert.Equal("21600", seen.Values["AGE_SECONDS"]);
    }

    [Fact]
    public async Task Backup_check_names_the_old_backup_and_a_missing_verification()
    {
        var clock = new FakeTimeProvider(Now);
        await using var world = await ProbeWorld.CreateAsync("- name: nightly\n  heartbeat: { every: 1h }", clock);
        var nightly = world.Check("nightly");
        var check = new BackupCheck(nightly.Name, "db", TimeSpan.FromHours(26), nightly.Every, nightly.Timeout, nightly.Expect, nightly.DependsOn, nightly.Alert);
        Assert.Equal("no good backup of db yet", (await world.ObserveAsync(check)).Error);

        await world.Store.Backups.SaveAsync(Record("a", "db_2026-11-30", Now.AddHours(-31), verified: null));
        var seen = await world.ObserveAsync(check);
        Assert.False(seen.Connected);
        Assert.Equal("newest backup db_2026-11-30 is 1d7h old (max_age 1d2h); never verified", seen.Error);

        await world.Store.Backups.SaveAsync(Record("a", "db_2026-11-30", Now.AddHours(-31), verified: "sha256 mismatch at s3"));
        Assert.Contains("verification of db_2026-11-30 failed: sha256 mismatch at s3", (await world.ObserveAsync(check)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_check_is_down_while_the_newest_restore_drill_failed_and_up_once_one_passes()
    {
        var clock = new FakeTimeProvider(Now);
        await using var world = await ProbeWorld.CreateAsync("- name: nightly\n  heartbeat: { every: 1h }", clock);
        var nightly = world.Check("nightly");
        var check = new BackupCheck(nightly.Name, "db", TimeSpan.FromHours(26), nightly.Every, nightly.Timeout, nightly.Expect, nightly.DependsOn, nightly.Alert);
        await world.Store.Backups.SaveAsync(Record("a", "db_2026-12-01", Now.AddHours(-6), verified: "ok"));
        await world.Store.Drills.RecordAsync(new DrillResult("db", "a", Now.AddHours(-2), Now.AddHours(-2).AddMinutes(1), DrillOutcome.Failed,
            null, TimeSpan.FromHours(4), "the test command exited with 1: no orders", "n1"));

        var down = await world.ObserveAsync(check);
        Assert.False(down.Connected);
        Assert.Equal("the last restore drill, 2h ago, failed: the test command exited with 1: no orders", down.Error);

        await world.Store.Drills.RecordAsync(new DrillResult("db", "a", Now.AddHours(-1), Now.AddHours(-1).AddMinutes(1), DrillOutcome.Succeeded,
            TimeSpan.FromSeconds(40), TimeSpan.FromHours(5), "3 table(s) match the manifest's row counts", "n1"));
        var up = await world.ObserveAsync(check);
        Assert.Null(up.Error);
        Assert.True(up.Connected);
    }

    [Fact]
    public async Task Heartbeat_check_reads_the_ledger_pings()
    {
        var clock = new FakeTimeProvider(Now);
        await using var world = await ProbeWorld.CreateAsync("- name: cron\n  heartbeat: { every: 1h, grace: 10m }", clock);
        var waiting = await world.ObserveAsync("cron");
        Assert.True(waiting.Connected);
        Assert.Equal("waiting", waiting.Values["STATE"]);

        await world.Store.Pings.AddPingAsync(new Ping("cron", PingKind.Success, null, Now.AddMinutes(-30), "cli"));
        Assert.True((await world.ObserveAsync("cron")).Connected);

        await world.Store.Pings.AddPingAsync(new Ping("cron", PingKind.Exit, 3, Now.AddMinutes(-5), "http 127.0.0.1"));
        var failed = await world.ObserveAsync("cron");
        Assert.False(failed.Connected);
        Assert.Equal("last ping 5m ago was a failure (exit code 3); down until the next success", failed.Error);
    }

    private static BackupRecord Record(string id, string artifact, DateTimeOffset finished, string? verified, BackupStatus status = BackupStatus.Complete) =>
        new(id, "db", artifact, "postgres", status, finished.AddMinutes(-5), finished, 1000, "abc", [], verified is null ? null : finished.AddHours(1),
            verified, null, null);
}
