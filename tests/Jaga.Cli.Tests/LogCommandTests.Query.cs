using System.Text.Json;

namespace Jaga.Cli.Tests;

/// <summary><c>jaga log</c>'s filters that go through the store's log query: pillar, time window, paging by sequence number.</summary>
public sealed partial class LogCommandTests
{
    private async Task AddThreeAsync()
    {
        ws.Clock.AutoAdvanceAmount = TimeSpan.Zero;
        await ws.Jaga("log", "add", "first: 100% done");          // 2025-11-15 02:00:00 in Jakarta, seq 1
        ws.Clock.Advance(TimeSpan.FromHours(1));
        await ws.Jaga("log", "add", "second: a_b");               // 03:00, seq 2
        ws.Clock.Advance(TimeSpan.FromHours(1));
        await ws.Jaga("log", "add", "--level", "WARN", "third");  // 04:00, seq 3
    }

    [Fact]
    public async Task Pillar_picks_manual_entries_and_a_wrong_pillar_is_a_usage_error_that_names_the_pillars()
    {
        await AddThreeAsync();

        Assert.Equal(3, Lines((await ws.Jaga("log", "--pillar", "manual")).Out).Length);
        var none = await ws.Jaga("log", "--pillar", "backup");
        Assert.Equal(0, none.Code);
        Assert.Empty(Lines(none.Out));
        // The workspace's plan speaks Indonesian.
        Assert.Contains("Tidak ada entri log maintenance yang cocok.", none.Err, StringComparison.Ordinal);
        var bad = await ws.Jaga("log", "--pillar", "backups");
        Assert.Equal(2, bad.Code);
        Assert.Contains("--pillar: 'backups' bukan pilar; gunakan salah satu dari backup, monitoring, update, emergency, migration, manual, other", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Until_is_exclusive_and_read_in_the_plans_time_zone_like_since()
    {
        await AddThreeAsync();

        var r = await ws.Jaga("log", "--since", "2025-11-15 02:30", "--until", "2025-11-15 04:00");

        Assert.EndsWith("second: a_b", Assert.Single(Lines(r.Out)), StringComparison.Ordinal);
        var bad = await ws.Jaga("log", "--until", "soonish");
        Assert.Equal(2, bad.Code);
        Assert.Contains("--until: 'soonish' bukan durasi", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tail_and_before_page_back_through_the_log_oldest_first_within_a_page()
    {
        await AddThreeAsync();

        var last = await ws.Jaga("log", "--tail", "2", "--json");
        var seqs = JsonDocument.Parse(last.Out).RootElement.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal([2L, 3L], seqs);
        var previous = await ws.Jaga("log", "--tail", "2", "--before", seqs[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("first: 100% done", Assert.Single(Lines(previous.Out)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-9223372036854775808")]
    public async Task Before_below_one_is_a_usage_error_that_names_the_option_not_an_empty_or_a_whole_log(string before)
    {
        await AddThreeAsync();

        var bad = await ws.Jaga("log", "--before", before);

        Assert.Equal(2, bad.Code);
        Assert.Empty(bad.Out);
        Assert.Contains("--before: berikan nomor urut, 1 atau lebih", bad.Err, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Jaga.Core.Ledger.LogQuery { Before = long.Parse(before, System.Globalization.CultureInfo.InvariantCulture) });
    }

    [Fact]
    public async Task Grep_takes_percent_and_underscore_as_plain_characters()
    {
        await AddThreeAsync();

        Assert.EndsWith("first: 100% done", Assert.Single(Lines((await ws.Jaga("log", "--grep", "%")).Out)), StringComparison.Ordinal);
        Assert.EndsWith("second: a_b", Assert.Single(Lines((await ws.Jaga("log", "--grep", "_")).Out)), StringComparison.Ordinal);
        Assert.Equal(2, Lines((await ws.Jaga("log", "--grep", "N")).Out).Length);
    }
}
