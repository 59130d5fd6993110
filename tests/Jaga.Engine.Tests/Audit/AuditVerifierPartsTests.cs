using Jaga.Core.Ledger;
using Jaga.Engine.Audit;
using Jaga.Sqlite;
using Microsoft.Data.Sqlite;

namespace Jaga.Engine.Tests.Audit;

/// <summary>Long chains are verified in parallel parts; tampering at a part's boundary must be found as surely as inside one.</summary>
public sealed class AuditVerifierPartsTests : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"jaga-parts-{Guid.NewGuid():N}.db");
    private SqliteStateStore store = null!;

    public async Task InitializeAsync()
    {
        store = await SqliteStateStore.OpenAsync(path, TimeProvider.System);
        var t = new DateTimeOffset(2025, 11, 15, 2, 0, 0, TimeSpan.Zero);
        var drafts = Enumerable.Range(1, 30).Select(i => new AuditDraft(t.AddMinutes(i), "rina", "manual", Severity.Info, $"entry {i}", $"line {i}", AuditData.Empty)).ToList();
        await store.AppendBatchAsync(drafts);
    }

    [Fact]
    public async Task Intact_chain_verifies_in_three_parts()
    {
        var report = await AuditVerifier.VerifyAsync(store, null, null, null, parts: 3);
        Assert.True(report.Intact);
        Assert.Equal(30, report.Entries);
        Assert.Equal(30, report.Head!.Seq);
    }

    [Fact]
    public async Task Last_entry_of_a_part_rewritten_and_rehashed_breaks_the_link_to_the_next_part()
    {
        var ten = await Entry(10);
        var forged = ten with { Message = "entry 10 (rewritten)" };
        forged = forged with { Hash = AuditCanonical.HashHex(forged) };
        Exec($"UPDATE audit SET message = '{forged.Message}', hash = '{forged.Hash}' WHERE seq = 10");
        var report = await AuditVerifier.VerifyAsync(store, null, null, null, parts: 3);
        Assert.Contains("entry #11 does not follow #10", Assert.Single(report.Problems).Message);
    }

    [Fact]
    public async Task First_entry_of_a_part_deleted_is_named()
    {
        Exec("DELETE FROM audit WHERE seq = 21");
        var report = await AuditVerifier.VerifyAsync(store, null, null, null, parts: 3);
        Assert.Contains("entry #21 is missing", Assert.Single(report.Problems).Message);
    }

    [Fact]
    public async Task Last_entry_of_a_part_deleted_is_named_as_deleted()
    {
        Exec("DELETE FROM audit WHERE seq = 10");
        var report = await AuditVerifier.VerifyAsync(store, null, null, null, parts: 3);
        Assert.Equal("entry #10 is missing: the sequence jumps from #9 to #11 (deleted)", Assert.Single(report.Problems).Message);
    }

    [Fact]
    public async Task A_far_away_sequence_number_is_a_gap_not_a_crash()
    {
        Exec("UPDATE audit SET seq = 9000000000000000000 WHERE seq = 30");
        var report = await AuditVerifier.VerifyAsync(store, null, null, null);
        Assert.Equal("entries #30–#8999999999999999999 are missing: the sequence jumps from #29 to #9000000000000000000 (deleted)", Assert.Single(report.Problems).Message);
    }

    [Fact]
    public async Task A_whole_part_deleted_is_named()
    {
        Exec("DELETE FROM audit WHERE seq BETWEEN 11 AND 20");
        var report = await AuditVerifier.VerifyAsync(store, null, null, null, parts: 3);
        Assert.Contains("entries #11–#20 are missing", Assert.Single(report.Problems).Message);
    }

    private async Task<AuditEntry> Entry(long seq)
    {
        await foreach (var e in store.ReadAsync(seq)) return e;
        throw new InvalidOperationException();
    }

    private void Exec(string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        foreach (var f in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*")) File.Delete(f);
    }
}
