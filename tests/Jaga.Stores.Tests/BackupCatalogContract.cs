using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>What every store's <see cref="IBackupCatalog"/> promises, written once and run against each adapter:
/// the records of backup runs with their copies. (A job runs once at a time through the job runs: JobLedgerContract.)</summary>
public abstract class BackupCatalogContract : StoreContract
{
    private static readonly IReadOnlyList<BackupCopy> NoCopies = [];

    /// <summary>Runs a query on the store's database directly and returns the first column of its first row.</summary>
    protected abstract Task<object?> ScalarAsync(string sql);

    private static BackupRecord Record(string id, string job = "db", int minute = 0) => new(
        id, job, $"{job}/{id}.sql.zst.age", "postgres", BackupStatus.Complete, Drafts.Start.AddMinutes(minute),
        Drafts.Start.AddMinutes(minute + 2), 1_234_567_890_123, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        [new BackupCopy("local", CopyState.Stored, null, Drafts.Start.AddMinutes(minute + 3)),
         new BackupCopy("offsite-s3", CopyState.Failed, "connection reset by peer", null)],
        Drafts.Start.AddMinutes(minute + 3), "ok: sha256 matches, archive lists", "took 2 minutes", """{"version":1,"job":"db"}""");

    [Fact]
    public async Task A_new_store_records_migration_2_for_the_catalog_between_migrations_1_and_3()
    {
        var store = await OpenAsync();

        var migrations = await store.MigrationsAsync();

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], migrations.Select(m => m.Version));
        var second = migrations[1];
        Assert.False(string.IsNullOrWhiteSpace(second.Name));
        Assert.Equal(Clock.GetUtcNow(), second.AppliedAt);
    }

    [Fact]
    public async Task A_saved_record_is_found_with_every_field_and_its_copies_in_saved_order()
    {
        var catalog = (await OpenAsync()).Backups;
        var record = Record("db-20251115-0200");

        await catalog.SaveAsync(record);

        AssertSame(record, await catalog.FindAsync(record.Id));
    }

    [Fact]
    public async Task A_record_with_every_optional_field_null_and_no_copies_round_trips()
    {
        var catalog = (await OpenAsync()).Backups;
        var record = new BackupRecord("r1", "files", "files/r1.tar", "files", BackupStatus.Running, Drafts.Start,
            null, 0, null, NoCopies, null, null, null, null);

        await catalog.SaveAsync(record);

        AssertSame(record, await catalog.FindAsync("r1"));
    }

    [Fact]
    public async Task Times_come_back_in_utc_at_millisecond_precision()
    {
        var catalog = (await OpenAsync()).Backups;
        var local = new DateTimeOffset(2025, 11, 15, 9, 0, 0, 123, TimeSpan.FromHours(7)).AddTicks(4567);
        var record = Record("r1") with
        {
            StartedAt = local,
            FinishedAt = local.AddTicks(1),
            VerifiedAt = local.AddTicks(5432),
            Copies = [new BackupCopy("local", CopyState.Stored, null, local.AddTicks(5000))],
        };

        await catalog.SaveAsync(record);

        var found = await catalog.FindAsync("r1");
        var expected = new DateTimeOffset(2025, 11, 15, 2, 0, 0, 123, TimeSpan.Zero);
        Assert.Equal((expected, TimeSpan.Zero), (found!.StartedAt, found.StartedAt.Offset));
        Assert.Equal([expected, expected, expected], [found.FinishedAt!.Value, found.VerifiedAt!.Value, found.Copies[0].VerifiedAt!.Value]);
        Assert.All([found.FinishedAt.Value, found.VerifiedAt.Value], t => Assert.Equal(TimeSpan.Zero, t.Offset));
    }

    [Fact]
    public async Task Text_with_unicode_quotes_and_line_breaks_round_trips_exactly()
    {
        var catalog = (await OpenAsync()).Backups;
        var record = Record("id 'with' \"quotes\" 日本語") with
        {
            Detail = "pg_dump: error: \"x\"\nline two\r\n\ttabbed 🙂",
            Manifest = "{\"path\":\"C:\\\\backup\\\\x\",\"note\":\"Ελληνικά\"}",
            Copies = [new BackupCopy("dest 'ü'", CopyState.Corrupt, "sha256 mismatch\n'a' != \"b\"", null)],
        };

        await catalog.SaveAsync(record);

        AssertSame(record, await catalog.FindAsync(record.Id));
    }

    [Fact]
    public async Task Every_status_and_copy_state_round_trips_and_is_stored_as_a_lower_case_word()
    {
        var store = await OpenAsync();
        foreach (var status in Enum.GetValues<BackupStatus>())
            await store.Backups.SaveAsync(Record($"s-{status}") with { Status = status, Copies = NoCopies });
        var states = Enum.GetValues<CopyState>();
        await store.Backups.SaveAsync(Record("copies") with { Copies = states.Select(s => new BackupCopy($"d-{s}", s, null, null)).ToList() });

        foreach (var status in Enum.GetValues<BackupStatus>())
        {
            Assert.Equal(status, (await store.Backups.FindAsync($"s-{status}"))!.Status);
            Assert.Equal(status.ToString().ToLowerInvariant(), await ScalarAsync($"SELECT status FROM backups WHERE id = 's-{status}'"));
        }
        Assert.Equal(states, (await store.Backups.FindAsync("copies"))!.Copies.Select(c => c.State));
        Assert.Equal("corrupt", await ScalarAsync("SELECT state FROM backup_copies WHERE destination = 'd-Corrupt'"));
    }

    [Fact]
    public async Task A_status_edited_to_an_unknown_word_is_an_error_rather_than_a_guess()
    {
        var catalog = (await OpenAsync()).Backups;
        await catalog.SaveAsync(Record("r1"));

        await ExecuteSqlAsync("UPDATE backups SET status = 'Complete' WHERE id = 'r1'");

        await Assert.ThrowsAsync<FormatException>(() => catalog.FindAsync("r1"));
    }

    [Fact]
    public async Task Saving_a_record_again_replaces_its_fields_and_all_its_copies()
    {
        var catalog = (await OpenAsync()).Backups;
        var first = Record("r1") with { Status = BackupStatus.Running, FinishedAt = null };
        await catalog.SaveAsync(first);
        var second = first with
        {
            Status = BackupStatus.Partial,
            FinishedAt = Drafts.Start.AddMinutes(5),
            Detail = "offsite failed",
            Copies = [new BackupCopy("offsite-s3", CopyState.Pruned, "pruned by policy", null), new BackupCopy("nas", CopyState.Stored, null, null)],
        };

        await catalog.SaveAsync(second);

        AssertSame(second, await catalog.FindAsync("r1"));
        Assert.Single(await catalog.ListAsync());
        Assert.Equal(2L, Convert.ToInt64(await ScalarAsync("SELECT count(*) FROM backup_copies"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        var catalog = (await OpenAsync()).Backups;
        await catalog.SaveAsync(Record("r1"));

        Assert.Null(await catalog.FindAsync("r2"));
    }

    [Fact]
    public async Task Records_are_listed_newest_start_first_for_all_jobs_or_one()
    {
        var catalog = (await OpenAsync()).Backups;
        await catalog.SaveAsync(Record("db-2", "db", minute: 20));
        await catalog.SaveAsync(Record("files-1", "files", minute: 10) with { Copies = NoCopies });
        await catalog.SaveAsync(Record("db-3", "db", minute: 30));
        await catalog.SaveAsync(Record("db-1", "db", minute: 0));

        var all = await catalog.ListAsync();
        var db = await catalog.ListAsync("db");

        Assert.Equal(["db-3", "db-2", "files-1", "db-1"], all.Select(r => r.Id));
        Assert.Equal(["db-3", "db-2", "db-1"], db.Select(r => r.Id));
        AssertSame(Record("db-2", "db", minute: 20), db[1]);
        Assert.Empty(all[2].Copies);
        Assert.Empty(await catalog.ListAsync("nothing"));
    }

    [Fact]
    public async Task Deleting_a_record_removes_it_and_its_copies_and_leaves_the_others()
    {
        var catalog = (await OpenAsync()).Backups;
        await catalog.SaveAsync(Record("r1"));
        await catalog.SaveAsync(Record("r2", minute: 5));

        Assert.True(await catalog.DeleteAsync("r1"));
        Assert.False(await catalog.DeleteAsync("r1"));

        Assert.Null(await catalog.FindAsync("r1"));
        Assert.Equal(["r2"], (await catalog.ListAsync()).Select(r => r.Id));
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync("SELECT count(*) FROM backup_copies WHERE backup_id = 'r1'"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_store_at_version_1_is_migrated_to_versions_2_and_3_keeping_its_audit_chain()
    {
        var old = await OpenAsync();
        var entries = await old.AppendBatchAsync(Drafts.Many(5));
        var before = await old.MigrationsAsync();
        // What a store written by a Jaga before the catalog (and so before the job ledger) looks like.
        await ExecuteSqlAsync("DROP TABLE pings; DROP TABLE nodes; DROP TABLE job_runs; DELETE FROM jaga_schema WHERE version = 3;");
        await ExecuteSqlAsync("DROP TABLE job_locks; DROP TABLE backup_copies; DROP TABLE backups; DELETE FROM jaga_schema WHERE version = 2;");
        Clock.Advance(TimeSpan.FromDays(30));

        var store = await OpenAsync();

        var migrations = await store.MigrationsAsync();
        Assert.Equal(
            [before[0], new AppliedMigration(2, before[1].Name, Clock.GetUtcNow()), new AppliedMigration(3, before[2].Name, Clock.GetUtcNow()), .. before.Skip(3)],
            migrations);
        Assert.Equal(entries.Select(e => e.Hash), (await ReadAllAsync(store)).Select(e => e.Hash));
        await store.Backups.SaveAsync(Record("r1"));
        AssertSame(Record("r1"), await store.Backups.FindAsync("r1"));
    }

    /// <summary>Records compare their copies by reference; records are the same when every field and every copy is.</summary>
    private static void AssertSame(BackupRecord expected, BackupRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Copies = NoCopies }, actual with { Copies = NoCopies });
        Assert.Equal(expected.Copies, actual.Copies);
    }

    private static async Task<List<Core.Ledger.AuditEntry>> ReadAllAsync(IStateStore store)
    {
        var list = new List<Core.Ledger.AuditEntry>();
        await foreach (var e in store.ReadAsync()) list.Add(e);
        return list;
    }
}
