using Jaga.Core.Emergency;
using Jaga.Core.Journal.Events.Emergency;
using Jaga.Core.Messages;
using Jaga.Core.Ports;

namespace Jaga.Core.Tests.Emergency;

public sealed class PostmortemTests
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private static readonly Incident Closed = new(7, "check:api", "Check api is down", "alert", T0, "node-a",
        T0.AddMinutes(4), "rina", T0.AddMinutes(12), "jaga", null);

    private static readonly IncidentEvent[] Timeline =
    [
        new(7, T0, IncidentEventKind.Opened, "Check api is down", "node-a"),
        new(7, T0, IncidentEventKind.CheckFailed, "[STATUS] == 200 failed: [STATUS] was 503 | retry", "node-a"),
        new(7, T0.AddSeconds(1), IncidentEventKind.AlertSent, "down → oncall (webhook)", "node-a"),
        new(7, T0.AddMinutes(4), IncidentEventKind.Acknowledged, "rina", null),
        new(7, T0.AddMinutes(12), IncidentEventKind.Recovered, "up in 3 ms", "node-a"),
        new(7, T0.AddMinutes(12), IncidentEventKind.Closed, "jaga", null),
    ];

    [Fact]
    public void The_skeleton_has_the_summary_the_timeline_in_order_the_times_and_the_headings_to_fill_in()
    {
        var md = Postmortem.Markdown(Closed, Timeline, Catalog.English, Jakarta);

        Assert.StartsWith("# Postmortem: incident #7 — Check api is down\n", md, StringComparison.Ordinal);
        Assert.Contains("- **Key:** `check:api`", md, StringComparison.Ordinal);
        Assert.Contains("- **Opened:** 2025-11-15 09:00 Asia/Jakarta by alert", md, StringComparison.Ordinal);
        Assert.Contains("- **Acknowledged:** 2025-11-15 09:04 Asia/Jakarta by rina", md, StringComparison.Ordinal);
        Assert.Contains("- **Time to acknowledge:** 4m", md, StringComparison.Ordinal);
        Assert.Contains("- **Time to recover:** 12m", md, StringComparison.Ordinal);
        Assert.Contains("| 2025-11-15 09:00 Asia/Jakarta | check failed | [STATUS] == 200 failed: [STATUS] was 503 \\| retry | node-a |", md, StringComparison.Ordinal);
        Assert.Contains("| 2025-11-15 09:04 Asia/Jakarta | acknowledged | rina | - |", md, StringComparison.Ordinal);
        string[] headings = ["## Summary", "## Impact", "## Timeline", "## Root cause", "## What went well", "## What to improve", "## Action items"];
        var at = headings.Select(h => md.IndexOf(h + "\n", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
        var rows = md.Split('\n').Where(l => l.StartsWith("| 2025-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["opened", "check failed", "alert sent", "acknowledged", "recovered", "closed"], rows.Select(r => r.Split(" | ")[1]));
    }

    [Fact]
    public void An_open_incident_says_not_yet_and_the_Indonesian_skeleton_is_in_Indonesian()
    {
        var open = Closed with { AcknowledgedAt = null, AcknowledgedBy = null, ClosedAt = null, ClosedBy = null };

        var md = Postmortem.Markdown(open, Timeline[..3], Catalog.Indonesian, Jakarta);

        Assert.StartsWith("# Postmortem: insiden #7 — Check api is down\n", md, StringComparison.Ordinal);
        Assert.Contains("- **Waktu sampai pulih:** belum", md, StringComparison.Ordinal);
        Assert.Contains("## Akar masalah", md, StringComparison.Ordinal);
        Assert.Contains("| peringatan terkirim |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_timeline_kind_has_a_word_in_both_languages_and_the_words_differ()
    {
        foreach (var kind in Enum.GetValues<IncidentEventKind>())
        {
            Assert.NotEqual(Postmortem.Kind(kind, Catalog.English), Postmortem.Kind(kind, Catalog.Indonesian));
            Assert.DoesNotContain("{", Postmortem.Kind(kind, Catalog.Indonesian), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_journal_lines_of_an_incident_read_in_both_languages()
    {
        Assert.Equal("Incident #3 opened: Check api is down (check:api)", new IncidentOpened(3, "check:api", "Check api is down").Message(Catalog.English));
        Assert.Equal("Insiden #3 ditutup oleh rina setelah 12m; catatan: rolled back", new IncidentClosed(3, "rina", "12m", "rolled back").Message(Catalog.Indonesian));
        Assert.Equal("Incident #3 closed by jaga after 12m", new IncidentClosed(3, "jaga", "12m", null).Message(Catalog.English));
        Assert.Equal("Incident #3 acknowledged by rina after 4m", new IncidentAcknowledged(3, "rina", "4m").Message(Catalog.English));
    }
}
