using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>What every <see cref="IStateStore"/> promises, written once and run against each adapter.</summary>
public abstract class StateStoreContract : StoreContract
{
    /// <summary>A password written into <see cref="StoreContract.Location"/>, which no description may show; null if the store has none.</summary>
    protected virtual string? Password => null;

    /// <summary>A value of <c>jaga_schema.applied_at</c> in the store's own SQL.</summary>
    protected abstract string AppliedAtLiteral { get; }

    [Fact]
    public async Task A_new_store_records_migration_1_at_the_time_it_was_applied()
    {
        var store = await OpenAsync();

        var migrations = await store.MigrationsAsync();

        var first = Assert.Single(migrations, m => m.Version == 1);
        Assert.False(string.IsNullOrWhiteSpace(first.Name));
        Assert.Equal(Clock.GetUtcNow(), first.AppliedAt);
        Assert.Equal(migrations.OrderBy(m => m.Version).Select(m => m.Version), migrations.Select(m => m.Version));
    }

    [Fact]
    public async Task Reopening_a_store_applies_no_migration_twice()
    {
        var first = await OpenAsync();
        var before = await first.MigrationsAsync();
        await first.AppendAsync(Drafts.Plain(1));
        Clock.Advance(TimeSpan.FromHours(1));

        var again = await OpenAsync();

        Assert.Equal(before, await again.MigrationsAsync());
        Assert.Equal(1, (await again.HeadAsync())?.Seq);
    }

    [Fact]
    public async Task A_store_migrated_by_a_newer_jaga_is_refused_rather_than_misread()
    {
        var first = await OpenAsync();
        var known = (await first.MigrationsAsync()).Max(m => m.Version);
        await ExecuteSqlAsync($"INSERT INTO jaga_schema (version, name, applied_at) VALUES ({known + 1}, 'from the future', {AppliedAtLiteral})");

        var e = await Assert.ThrowsAsync<Jaga.Core.Errors.UserException>(OpenAsync);

        Assert.Contains($"version {known + 1}, newer than this jaga knows ({known})", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stores_opened_at_once_on_a_new_location_apply_each_migration_once()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => OpenAsync())));

        var migrations = await stores[0].MigrationsAsync();
        Assert.Equal(migrations.Select(m => m.Version).Distinct(), migrations.Select(m => m.Version));
        Assert.Contains(migrations, m => m.Version == 1);
        foreach (var store in stores) await store.AppendAsync(Drafts.Plain(1));
        Assert.Equal(stores.Length, (await ReadAllAsync(stores[0])).Count);
    }

    [Fact]
    public async Task An_empty_store_has_no_head_no_entries_and_no_checkpoints()
    {
        var store = await OpenAsync();

        Assert.Null(await store.HeadAsync());
        Assert.Empty(await ReadAllAsync(store));
        Assert.Empty(await store.CheckpointsAsync());
    }

    [Fact]
    public async Task Appends_are_numbered_1_2_3_each_linked_to_the_previous_hash_and_the_chain_verifies()
    {
        var store = await OpenAsync();

        var appended = new List<AuditEntry>();
        for (var n = 1; n <= 3; n++) appended.Add(await store.AppendAsync(Drafts.Plain(n)));

        Assert.Equal([1L, 2L, 3L], appended.Select(e => e.Seq));
        Assert.Equal(AuditEntry.Genesis, appended[0].Prev);
        Assert.Equal(appended[0].Hash, appended[1].Prev);
        Assert.Equal(appended[1].Hash, appended[2].Prev);
        var stored = await ReadAllAsync(store);
        AssertSameEntries(appended, stored);
        AssertVerifies(stored, 3);
    }

    [Fact]
    public async Task The_head_is_the_last_entry_appended()
    {
        var store = await OpenAsync();
        await store.AppendAsync(Drafts.Plain(1));
        var last = await store.AppendAsync(Drafts.Plain(2));

        var head = await store.HeadAsync();

        Assert.NotNull(head);
        AssertSameEntry(last, head);
    }

    [Fact]
    public async Task A_batch_continues_the_chain_and_the_whole_chain_verifies()
    {
        var store = await OpenAsync();
        var single = await store.AppendAsync(Drafts.Plain(1));

        var batch = await store.AppendBatchAsync(Drafts.Many(5).Skip(1).ToList());
        var after = await store.AppendAsync(Drafts.Plain(6));

        Assert.Equal([2L, 3L, 4L, 5L], batch.Select(e => e.Seq));
        Assert.Equal(single.Hash, batch[0].Prev);
        Assert.Equal(batch[^1].Hash, after.Prev);
        var stored = await ReadAllAsync(store);
        AssertSameEntries([single, .. batch, after], stored);
        AssertVerifies(stored, 6);
    }

    [Fact]
    public async Task An_empty_batch_appends_nothing()
    {
        var store = await OpenAsync();
        await store.AppendAsync(Drafts.Plain(1));

        var none = await store.AppendBatchAsync([]);

        Assert.Empty(none);
        Assert.Equal(1, (await store.HeadAsync())?.Seq);
    }

    [Fact]
    public async Task A_batch_of_ten_thousand_is_stored_whole_and_verifies()
    {
        var store = await OpenAsync();

        var batch = await store.AppendBatchAsync(Drafts.Many(10_000));

        Assert.Equal(10_000, (await store.HeadAsync())?.Seq);
        var stored = await ReadAllAsync(store);
        AssertSameEntries(batch, stored);
        AssertVerifies(stored, 10_000);
    }

    [Fact]
    public async Task Reading_from_a_sequence_number_starts_there_in_order()
    {
        var store = await OpenAsync();
        await store.AppendBatchAsync(Drafts.Many(10));

        Assert.Equal(Enumerable.Range(4, 7).Select(n => (long)n), (await ReadAllAsync(store, 4)).Select(e => e.Seq));
        Assert.Equal(Enumerable.Range(1, 10).Select(n => (long)n), (await ReadAllAsync(store, 0)).Select(e => e.Seq));
        Assert.Equal([10L], (await ReadAllAsync(store, 10)).Select(e => e.Seq));
        Assert.Empty(await ReadAllAsync(store, 11));
    }

    [Fact]
    public async Task A_read_broken_off_early_leaves_the_store_usable()
    {
        var store = await OpenAsync();
        await store.AppendBatchAsync(Drafts.Many(5_000));

        await foreach (var e in store.ReadAsync(2))
        {
            Assert.Equal(2, e.Seq);
            break;
        }
        var next = await store.AppendAsync(Drafts.Plain(5_001));

        Assert.Equal(5_001, next.Seq);
        Assert.Equal(5_001, (await ReadAllAsync(store)).Count);
    }

    [Fact]
    public async Task Data_with_unicode_quotes_newlines_and_control_characters_round_trips_exactly_and_verifies()
    {
        var store = await OpenAsync();
        var draft = Drafts.Plain(1) with { Data = Drafts.AwkwardData };

        await store.AppendAsync(draft);
        await store.AppendBatchAsync([Drafts.Plain(2) with { Data = Drafts.AwkwardData }, Drafts.Plain(3)]);

        var stored = await ReadAllAsync(store);
        Assert.Equal(Sorted(Drafts.AwkwardData), Sorted(stored[0].Data));
        Assert.Equal(Sorted(Drafts.AwkwardData), Sorted(stored[1].Data));
        AssertVerifies(stored, 3);
    }

    [Fact]
    public async Task Text_fields_with_unicode_quotes_and_line_breaks_round_trip_exactly_and_verify()
    {
        var store = await OpenAsync();
        var draft = new AuditDraft(Drafts.Start, "système 🤖", "backup.done\t\"x\"", Severity.Warn,
            "Backup selesai: \"C:\\db\\x.sql\"\nsecond line\r\nthird 日本語 \u0001",
            "[2025-11-15 02:00:00] [WARN] Backup selesai 'x' — ok ✓", AuditData.Empty);

        var single = await store.AppendAsync(draft);
        var batch = await store.AppendBatchAsync([draft, draft]);

        var stored = await ReadAllAsync(store);
        AssertSameEntries([single, .. batch], stored);
        Assert.All(stored, e => Assert.Equal(draft.Message, e.Message));
        Assert.All(stored, e => Assert.Equal(draft.Actor, e.Actor));
        AssertVerifies(stored, 3);
    }

    [Fact]
    public async Task Nul_and_unpaired_surrogates_are_stored_as_U_FFFD_in_every_store_and_the_entry_returned_is_the_one_stored()
    {
        var store = await OpenAsync();
        var lone = "lone " + (char)0xD800 + " surrogate";
        var draft = Drafts.Plain(1) with
        {
            Actor = "nul \0 byte",
            Message = lone,
            Data = new Dictionary<string, string> { ["key " + (char)0xDC00] = lone, ["nul"] = "\0" },
        };

        var single = await store.AppendAsync(draft);
        var batch = await store.AppendBatchAsync([draft, Drafts.Plain(3)]);

        var stored = await ReadAllAsync(store);
        AssertSameEntries([single, .. batch], stored);
        Assert.Equal("nul \uFFFD byte", stored[0].Actor);
        Assert.Equal("lone \uFFFD surrogate", stored[1].Message);
        Assert.Equal("lone \uFFFD surrogate", stored[1].Data["key \uFFFD"]);
        Assert.Equal("\uFFFD", stored[1].Data["nul"]);
        AssertVerifies(stored, 3);
    }

    [Fact]
    public async Task Times_round_trip_exactly_at_millisecond_precision_in_utc()
    {
        var store = await OpenAsync();
        DateTimeOffset[] times =
        [
            new DateTimeOffset(2025, 11, 15, 2, 0, 0, 123, TimeSpan.Zero).AddTicks(4567),
            new DateTimeOffset(2025, 11, 15, 9, 0, 0, 999, TimeSpan.FromHours(7)).AddTicks(9999),
            DateTimeOffset.UnixEpoch,
            DateTimeOffset.UnixEpoch.AddMilliseconds(-1),
            new DateTimeOffset(1900, 1, 1, 0, 0, 0, 1, TimeSpan.Zero),
            new DateTimeOffset(2999, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(-5)),
            new DateTimeOffset(9999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero),
            DateTimeOffset.MaxValue,
            DateTimeOffset.MinValue,
            new DateTimeOffset(1, 1, 1, 0, 0, 0, 1, TimeSpan.Zero),
        ];
        var drafts = times.Select((t, i) => Drafts.Plain(i + 1) with { Time = t }).ToList();

        var single = await store.AppendAsync(drafts[0]);
        var batch = await store.AppendBatchAsync(drafts.Skip(1).ToList());

        var stored = await ReadAllAsync(store);
        var expected = times.Select(AuditEntry.ToMilliseconds).ToList();
        Assert.Equal(expected, [single.Time, .. batch.Select(e => e.Time)]);
        Assert.Equal(expected, stored.Select(e => e.Time));
        Assert.All(stored, e => Assert.Equal(TimeSpan.Zero, e.Time.Offset));
        AssertVerifies(stored, times.Length);
    }

    [Fact]
    public async Task Every_level_round_trips()
    {
        var store = await OpenAsync();

        await store.AppendBatchAsync([
            Drafts.Plain(1) with { Level = Severity.Info },
            Drafts.Plain(2) with { Level = Severity.Warn },
            Drafts.Plain(3) with { Level = Severity.Error },
        ]);

        var stored = await ReadAllAsync(store);
        Assert.Equal([Severity.Info, Severity.Warn, Severity.Error], stored.Select(e => e.Level));
        AssertVerifies(stored, 3);
    }

    [Fact]
    public async Task A_message_edited_in_the_database_is_read_as_stored_and_fails_verification()
    {
        var store = await OpenAsync();
        await store.AppendBatchAsync(Drafts.Many(3));

        await ExecuteSqlAsync("UPDATE audit SET message = 'nothing happened' WHERE seq = 2");

        var stored = await ReadAllAsync(store);
        Assert.Equal("nothing happened", stored[1].Message);
        var problem = Verify(stored);
        Assert.Equal(new { Seq = 2L, Kind = AuditProblemKind.Edited }, new { problem!.Seq, problem.Kind });
    }

    [Fact]
    public async Task A_level_edited_in_the_database_is_not_normalised_and_fails_verification()
    {
        var store = await OpenAsync();
        await store.AppendBatchAsync(Drafts.Many(3));

        await ExecuteSqlAsync("UPDATE audit SET level = 'info' WHERE seq = 3");

        var stored = await ReadAllAsync(store);
        Assert.NotEqual(Severity.Info, stored[2].Level);
        var problem = Verify(stored);
        Assert.Equal(new { Seq = 3L, Kind = AuditProblemKind.Edited }, new { problem!.Seq, problem.Kind });
    }

    [Fact]
    public async Task Checkpoints_are_listed_oldest_first_exactly_as_saved_and_their_signatures_verify()
    {
        var store = await OpenAsync();
        var key = SigningKey.Generate();
        var entries = await store.AppendBatchAsync(Drafts.Many(3));
        var first = key.SignCheckpoint(2, entries[1].Hash, Drafts.Start.AddTicks(12345));
        var second = key.SignCheckpoint(3, entries[2].Hash, Drafts.Start.AddHours(1).ToOffset(TimeSpan.FromHours(7)));

        await store.SaveCheckpointAsync(first);
        await store.SaveCheckpointAsync(second);

        var saved = await store.CheckpointsAsync();
        Assert.Equal([first, second], saved);
        Assert.All(saved, c => Assert.True(key.Verify(c)));
    }

    [Fact]
    public async Task Eight_stores_appending_at_once_leave_one_gap_free_chain_of_400()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => OpenAsync()));

        await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
        {
            for (var n = 1; n <= 50; n++) await store.AppendAsync(Drafts.Plain(n, $"writer-{i}"));
        })));

        var stored = await ReadAllAsync(stores[0]);
        AssertVerifies(stored, 400);
        Assert.All(stored.GroupBy(e => e.Actor), g => Assert.Equal(50, g.Count()));
    }

    [Fact]
    public async Task Two_processes_appending_at_once_leave_one_gap_free_chain()
    {
        const int each = 150;
        using var a = WriterProcess.Start(Location, each, "process-a");
        using var b = WriterProcess.Start(Location, each, "process-b");
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());

        await Task.WhenAll(a.GoAsync(), b.GoAsync());
        var done = await Task.WhenAll(a.FinishAsync(), b.FinishAsync());

        Assert.All(done, output => Assert.Equal($"appended {each}", output));
        var store = await OpenAsync();
        var stored = await ReadAllAsync(store);
        AssertVerifies(stored, 2 * each);
        Assert.Equal(each, stored.Count(e => e.Actor == "process-a"));
        Assert.Equal(each, stored.Count(e => e.Actor == "process-b"));
        Assert.Single(await store.MigrationsAsync(), m => m.Version == 1);
    }

    [Fact]
    public async Task The_description_names_the_store_and_never_contains_the_password()
    {
        var store = await OpenAsync();

        Assert.False(string.IsNullOrWhiteSpace(store.Description));
        if (Password is not null)
        {
            Assert.Contains(Uri.EscapeDataString(Password), Location);
            Assert.DoesNotContain(Password, store.Description);
            Assert.DoesNotContain(Uri.EscapeDataString(Password), store.Description);
        }
    }

    protected static async Task<List<AuditEntry>> ReadAllAsync(IStateStore store, long fromSeq = 1)
    {
        var list = new List<AuditEntry>();
        await foreach (var e in store.ReadAsync(fromSeq)) list.Add(e);
        return list;
    }

    private static AuditProblem? Verify(IEnumerable<AuditEntry> entries)
    {
        var verifier = new ChainVerifier();
        foreach (var e in entries)
            if (!verifier.Add(e)) break;
        return verifier.Problem;
    }

    private static void AssertVerifies(IReadOnlyList<AuditEntry> entries, int count)
    {
        Assert.Null(Verify(entries)?.Message);
        Assert.Equal(count, entries.Count);
        Assert.Equal(Enumerable.Range(1, count).Select(n => (long)n), entries.Select(e => e.Seq));
    }

    private static void AssertSameEntries(IReadOnlyList<AuditEntry> expected, IReadOnlyList<AuditEntry> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) AssertSameEntry(expected[i], actual[i]);
    }

    /// <summary>Records compare their dictionaries by reference; entries are the same when every field and every data pair is.</summary>
    private static void AssertSameEntry(AuditEntry expected, AuditEntry actual)
    {
        Assert.Equal(expected with { Data = AuditData.Empty }, actual with { Data = AuditData.Empty });
        Assert.Equal(Sorted(expected.Data), Sorted(actual.Data));
    }

    private static List<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string> data) =>
        data.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
}
