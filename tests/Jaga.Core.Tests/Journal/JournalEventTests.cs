using System.Text.RegularExpressions;
using Jaga.Core.Journal;
using Jaga.Core.Journal.Events.Backup;
using Jaga.Core.Journal.Events.Monitoring;
using Jaga.Core.Journal.Events.Notify;
using Jaga.Core.Journal.Events.Scheduling;
using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;

namespace Jaga.Core.Tests.Journal;

public sealed partial class JournalEventTests
{
    /// <summary>Catalog keys that are no event's message, each with who uses it. A key that is neither an event's nor
    /// listed here is orphaned.</summary>
    private static readonly Dictionary<string, string> NotEvents = new(StringComparer.Ordinal)
    {
        ["plan.valid"] = "jaga validate's output",
        ["plan.invalid"] = "the CLI's error for an invalid plan",
        ["init.exists"] = "jaga init's refusal",
        ["log.empty"] = "jaga log's output",
        ["log.none"] = "jaga log's output when no entry matches its filters",
        ["ping.unchanged"] = "jaga ping's output for a ping that changed nothing (not logged)",
        ["run.once.done"] = "jaga run --once's last line",
        ["verify.nothing"] = "a verify job's result when there is no backup yet",
    };

    /// <summary>Whole groups of non-event texts: the plan document, the subject and lines of alerts sent to channels, what
    /// commands print, the words of stored states, and the details Jaga writes into results and log lines.</summary>
    private static readonly string[] NotEventPrefixes =
    [
        "doc.", "chart.", "alert.subject.", "alert.line.", "cli.", "word.", "reason.", "web.",
        "plan.error.", "plan.hint.", "plan.found.", "plan.expected.", "plan.kind.", "plan.word.", "procedure.", "param.", "exec.",
    ];

    [Fact]
    public void There_is_one_event_type_per_kind_of_event_and_each_is_sealed()
    {
        Assert.NotEmpty(JournalEventSamples.Types);
        Assert.All(JournalEventSamples.Types, t =>
        {
            Assert.True(t.IsSealed, $"{t.Name} is not sealed");
            Assert.StartsWith("Jaga.Core.Journal.Events.", t.Namespace, StringComparison.Ordinal);
        });
        var keys = JournalEventSamples.Types.Select(t => JournalEventSamples.Of(t).First().MessageKey).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_event_has_a_message_in_English_and_Indonesian_with_the_same_placeholders()
    {
        var problems = new List<string>();
        foreach (var type in JournalEventSamples.Types)
        {
            foreach (var key in JournalEventSamples.Of(type).SelectMany(JournalEventSamples.Keys).Distinct(StringComparer.Ordinal))
            {
                if (!Catalog.English.Keys.Contains(key)) problems.Add($"{type.Name}: no English text for {key}");
                else if (!Catalog.Indonesian.Keys.Contains(key)) problems.Add($"{type.Name}: no Indonesian text for {key}");
                else if (!Placeholders(Catalog.English[key]).SetEquals(Placeholders(Catalog.Indonesian[key])))
                    problems.Add($"{type.Name}: {key} has placeholders {Show(Catalog.English[key])} in English, {Show(Catalog.Indonesian[key])} in Indonesian");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_event_gives_one_argument_per_placeholder_and_its_message_formats_in_both_languages()
    {
        var problems = new List<string>();
        foreach (var e in JournalEventSamples.Types.SelectMany(JournalEventSamples.Of))
        {
            var name = e.GetType().Name;
            var texts = new[] { (e.MessageKey, e.Arguments.Count) }
                .Concat(JournalEventSamples.Phrases(e.Arguments).Select(p => (p.Key, p.Args.Count)));
            foreach (var (key, given) in texts.Where(t => Catalog.English.Keys.Contains(t.Item1)))
            {
                var wanted = Placeholders(Catalog.English[key]).Count;
                if (given != wanted) problems.Add($"{name}: {key} has {wanted} placeholder(s), the event gives {given} argument(s)");
            }
            foreach (var catalog in new[] { Catalog.English, Catalog.Indonesian })
            {
                var message = e.Message(catalog);
                if (message.Contains('{', StringComparison.Ordinal) || message.Contains("Jaga.Core", StringComparison.Ordinal))
                    problems.Add($"{name} ({catalog.Language}): '{message}'");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void No_catalog_key_is_orphaned()
    {
        var used = JournalEventSamples.Types.SelectMany(JournalEventSamples.Of).SelectMany(JournalEventSamples.Keys).ToHashSet(StringComparer.Ordinal);

        var orphans = Catalog.English.Keys
            .Where(k => !used.Contains(k) && !NotEvents.ContainsKey(k) && !NotEventPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)));
        Assert.Empty(orphans);
        // The list stays true: each key it names exists, and none is an event's after all.
        Assert.DoesNotContain(NotEvents.Keys, k => !Catalog.English.Keys.Contains(k));
        Assert.DoesNotContain(NotEvents.Keys, used.Contains);
    }

    [Fact]
    public void Messages_read_as_before_in_both_languages()
    {
        var failed = new BackupFailed("db", "disk full");
        Assert.Equal("Backup db FAILED: disk full", failed.Message(Catalog.English));
        Assert.Equal("Backup db GAGAL: disk full", failed.Message(Catalog.Indonesian));
        Assert.Equal("Backup database selesai: backup/db_2025-11-15.sql", new DatabaseBackupFinished("backup/db_2025-11-15.sql").Message(Catalog.Indonesian));

        var held = new AlertHeld("api", AlertHold.Maintenance("nightly"));
        Assert.Equal("Alert for api held back: maintenance window nightly", held.Message(Catalog.English));
        Assert.Equal("Peringatan untuk api ditahan: jendela pemeliharaan nightly", held.Message(Catalog.Indonesian));

        Assert.Equal("Run of backup:db due 2025-11-15 02:00:00 was lost: node a stopped renewing its claim; running it again",
            new JobRunLost("backup:db", "2025-11-15 02:00:00", "a", RunAgain: true).Message(Catalog.English));
        Assert.Equal("Run of backup:db due 2025-11-15 02:00:00 was lost: node a stopped renewing its claim",
            new JobRunLost("backup:db", "2025-11-15 02:00:00", "a", RunAgain: false).Message(Catalog.English));

        var sent = new AlertSent(AlertKind.Recovery, "api", "ops", "webhook", 2);
        Assert.Equal("Alert (recovery) for api sent to ops by webhook after 2 attempt(s)", sent.Message(Catalog.English));
        Assert.Equal("Peringatan (pulih) untuk api terkirim ke ops lewat webhook setelah 2 percobaan", sent.Message(Catalog.Indonesian));
    }

    [Fact]
    public void Severity_follows_what_happened_where_an_event_can_go_either_way()
    {
        Assert.Equal(Severity.Warn, new PingReceived("cron", "fail", "cli", Failing: true).Level);
        Assert.Equal(Severity.Info, new PingReceived("cron", "ok", "cli", Failing: false).Level);
        Assert.Equal(Severity.Warn, new BackupCatalogRebuilt(3, 0, Unreachable: true).Level);
        Assert.Equal(Severity.Warn, new ChecksRunByHand(1, 0, 1, "; db: refused").Level);
        Assert.Equal(Severity.Info, new ChecksRunByHand(2, 0, 0, "").Level);
    }

    [Fact]
    public void Data_goes_with_the_event_and_a_copy_keeps_its_kind()
    {
        var e = new BackupFailed("db", "x") { Data = new Dictionary<string, string> { ["job"] = "db" } };
        JournalEvent copy = e with { Reason = "y" };

        Assert.Equal("db", copy.Data!["job"]);
        Assert.Equal(("backup.run", "backup.failed"), (copy.Kind, copy.MessageKey));
    }

    private static HashSet<int> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    private static string Show(string text) => "{" + string.Join(",", Placeholders(text).Order()) + "}";

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
