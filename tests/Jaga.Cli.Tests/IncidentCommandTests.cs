using System.Text.Json.Nodes;

namespace Jaga.Cli.Tests;

/// <summary><c>jaga incident</c> in-process over a real SQLite store: open, acknowledge and close by hand (each one log line and
/// audit entry, with who), the listing with its times and means, the timeline and the postmortem skeleton, unknown numbers as
/// exit 2, in English and Indonesian.</summary>
public sealed class IncidentCommandTests
{
    private static string Plan(string language) => $"""
        version: 1
        project: toko
        timezone: UTC
        language: {language}
        log: {"{"} file: logs/maintenance.log {"}"}
        """;

    [Fact]
    public async Task Open_ack_close_by_hand_each_write_one_line_with_who_and_list_and_show_tell_the_times()
    {
        using var ws = new Workspace(Plan("en"), "");
        ws.Clock.AutoAdvanceAmount = TimeSpan.Zero; // whole minutes between the acts

        var open = await ws.Jaga("incident", "open", "Checkout is slow", "--key", "checkout", "--by", "rina");
        var again = await ws.Jaga("incident", "open", "Checkout still slow", "--key", "checkout");
        ws.Clock.Advance(TimeSpan.FromMinutes(4));
        var ack = await ws.Jaga("incident", "ack", "1", "--by", "budi");
        var ackAgain = await ws.Jaga("incident", "ack", "1", "--by", "rina");
        ws.Clock.Advance(TimeSpan.FromMinutes(6));
        var close = await ws.Jaga("incident", "close", "1", "--note", "rolled back 2.4.1", "--by", "rina");
        var list = await ws.Jaga("incident", "list");
        var json = await ws.Jaga("incident", "list", "--json");
        var show = await ws.Jaga("incident", "show", "1");

        Assert.True(open.Code == 0, open.ToString());
        Assert.Equal("Incident #1 opened: Checkout is slow", open.Out.Trim());
        Assert.Equal("Incident #1 is already open for checkout: Checkout is slow", again.Out.Trim());
        Assert.Equal("Incident #1 acknowledged by budi", ack.Out.Trim());
        Assert.StartsWith("Incident #1 was already acknowledged by budi at ", ackAgain.Out.Trim(), StringComparison.Ordinal);
        Assert.True(close.Code == 0, close.ToString());
        Assert.Equal("Incident #1 closed by rina", close.Out.Trim());
        var lines = File.ReadAllLines(ws.LogPath);
        Assert.Equal(3, lines.Length);
        Assert.Contains("[WARN] Incident #1 opened: Checkout is slow (checkout)", lines[0], StringComparison.Ordinal);
        Assert.Contains("Incident #1 acknowledged by budi after 4m", lines[1], StringComparison.Ordinal);
        Assert.Contains("Incident #1 closed by rina after 10m", lines[2], StringComparison.Ordinal);
        Assert.Contains("; note: rolled back 2.4.1", lines[2], StringComparison.Ordinal);

        Assert.Contains("#1\tcheckout\tCheckout is slow\t", list.Out, StringComparison.Ordinal);
        Assert.Contains("\t4m\t10m", list.Out, StringComparison.Ordinal);
        Assert.Contains("1 incident(s), 0 open; mean time to acknowledge 4m (over 1), mean time to recover 10m (over 1)", list.Out, StringComparison.Ordinal);
        var incident = JsonNode.Parse(json.Out)!["incidents"]![0]!;
        Assert.Equal(("rina", "budi", "rina", "rolled back 2.4.1"),
            ((string?)incident["source"], (string?)incident["acknowledged_by"], (string?)incident["closed_by"], (string?)incident["close_note"]));
        Assert.Equal((240.0, 600.0), ((double)incident["time_to_acknowledge_s"]!, (double)incident["time_to_recover_s"]!));
        Assert.Contains("Acknowledged: ", show.Out, StringComparison.Ordinal);
        Assert.Contains("\tacknowledged\tbudi\t-", show.Out, StringComparison.Ordinal);
        Assert.Contains("\tclosed\trina: rolled back 2.4.1\t-", show.Out, StringComparison.Ordinal);

        var verify = await ws.Jaga("audit", "verify");
        Assert.True(verify.Code == 0, verify.ToString());
    }

    [Fact]
    public async Task Show_format_md_is_a_postmortem_skeleton_with_the_timeline_and_the_headings_to_fill_in()
    {
        using var ws = new Workspace(Plan("en"), "");
        await ws.Jaga("incident", "open", "Checkout is slow", "--by", "rina");
        await ws.Jaga("incident", "close", "1", "--by", "rina");

        var md = await ws.Jaga("incident", "show", "1", "--format", "md");

        Assert.True(md.Code == 0, md.ToString());
        Assert.StartsWith("# Postmortem: incident #1 — Checkout is slow", md.Out, StringComparison.Ordinal);
        foreach (var heading in new[] { "## Summary", "## Impact", "## Timeline", "## Root cause", "## What went well", "## What to improve", "## Action items" })
            Assert.Contains(heading + "\n", md.Out, StringComparison.Ordinal);
        Assert.Contains("| opened | Checkout is slow |", md.Out, StringComparison.Ordinal);
        Assert.Contains("- **Time to recover:** ", md.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "jaga: no incident #9", "hint: 'jaga incident list' shows the incidents")]
    [InlineData("id", "jaga: tidak ada insiden #9", "hint: 'jaga incident list' menampilkan insiden")]
    public async Task An_unknown_number_is_exit_2_with_where_to_find_the_right_one_in_the_plans_language(string language, string message, string hint)
    {
        using var ws = new Workspace(Plan(language), "");

        foreach (var args in new[] { new[] { "show", "9" }, ["ack", "9"], ["close", "9", "--note", "x"], ["show", "9", "--format", "md"] })
        {
            var r = await ws.Jaga(["incident", .. args]);
            Assert.True(r.Code == 2, r.ToString());
            Assert.Contains(message, r.Err, StringComparison.Ordinal);
            Assert.Contains(hint, r.Err, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(ws.LogPath));
    }

    [Fact]
    public async Task In_Indonesian_the_listing_the_lines_and_the_skeleton_are_in_Indonesian()
    {
        using var ws = new Workspace(Plan("id"), "");

        var open = await ws.Jaga("incident", "open", "Checkout lambat", "--by", "rina");
        var list = await ws.Jaga("incident", "list", "--open");
        var md = await ws.Jaga("incident", "show", "1", "--format", "md");
        var none = await ws.Jaga("incident", "list", "--open", "--lang", "en");
        await ws.Jaga("incident", "close", "1");
        var closedNone = await ws.Jaga("incident", "list", "--open");

        Assert.Equal("Insiden #1 dibuka: Checkout lambat", open.Out.Trim());
        Assert.Contains("ID\tKUNCI\tJUDUL\tDIBUKA\tDIAKUI\tDITUTUP\tSAMPAI DIAKUI\tSAMPAI PULIH", list.Out, StringComparison.Ordinal);
        Assert.Contains("1 insiden, 1 terbuka", list.Out, StringComparison.Ordinal);
        Assert.Contains("## Kronologi", md.Out, StringComparison.Ordinal);
        Assert.Contains("Insiden #1 dibuka: Checkout lambat", File.ReadAllLines(ws.LogPath)[0], StringComparison.Ordinal);
        Assert.Contains("ID\tKEY\tTITLE", none.Out, StringComparison.Ordinal);
        Assert.Equal("Tidak ada insiden yang terbuka.", closedNone.Out.Trim());
    }

    [Fact]
    public async Task A_blank_title_by_or_note_and_an_overlong_title_are_exit_2_and_record_nothing()
    {
        using var ws = new Workspace(Plan("en"), "");

        var blank = await ws.Jaga("incident", "open", "  ");
        var by = await ws.Jaga("incident", "open", "x", "--by", " ");
        var longTitle = await ws.Jaga("incident", "open", new string('x', 201));
        await ws.Jaga("incident", "open", "x");
        var note = await ws.Jaga("incident", "close", "1", "--note", "");

        Assert.True(blank.Code == 2, blank.ToString());
        Assert.Contains("the title is empty", blank.Err, StringComparison.Ordinal);
        Assert.True(by.Code == 2, by.ToString());
        Assert.True(longTitle.Code == 2, longTitle.ToString());
        Assert.Contains("TITLE: at most 200 characters, not 201", longTitle.Err, StringComparison.Ordinal);
        Assert.True(note.Code == 2, note.ToString());
        Assert.Single(File.ReadAllLines(ws.LogPath));
    }

    [Fact]
    public async Task Status_shows_the_open_incidents_count_and_the_newest()
    {
        using var ws = new Workspace(Plan("en"), "");
        await ws.Jaga("incident", "open", "Checkout is slow");
        await ws.Jaga("incident", "open", "Search is down");

        var status = await ws.Jaga("status");
        var json = await ws.Jaga("status", "--json");

        Assert.Contains("Open incidents: 2 (details: jaga incident list --open)", status.Out, StringComparison.Ordinal);
        Assert.Contains("  #2 Search is down — since ", status.Out, StringComparison.Ordinal);
        Assert.Equal(2, (int)JsonNode.Parse(json.Out)!["incidents"]!["open"]!);
    }
}
