using System.Text.RegularExpressions;
using Jaga.Core.Messages;

namespace Jaga.Core.Tests.Messages;

public sealed partial class CatalogTests
{
    [Fact]
    public void English_and_Indonesian_have_the_same_keys()
    {
        var english = Catalog.English.Keys.ToHashSet();
        var indonesian = Catalog.Indonesian.Keys.ToHashSet();

        Assert.Empty(english.Except(indonesian));
        Assert.Empty(indonesian.Except(english));
    }

    [Fact]
    public void Every_key_has_the_same_placeholders_in_both_languages()
    {
        var mismatched = Catalog.English.Keys
            .Where(k => !Placeholders(Catalog.English[k]).SetEquals(Placeholders(Catalog.Indonesian[k])))
            .Select(k => $"{k}: en {{{string.Join(",", Placeholders(Catalog.English[k]))}}} id {{{string.Join(",", Placeholders(Catalog.Indonesian[k]))}}}");

        Assert.Empty(mismatched);
    }

    [Fact]
    public void Placeholders_are_numbered_from_zero_without_gaps_and_every_text_formats()
    {
        foreach (var catalog in new[] { Catalog.English, Catalog.Indonesian })
        {
            foreach (var key in catalog.Keys)
            {
                var numbers = Placeholders(catalog[key]).Order().ToList();
                Assert.True(numbers.SequenceEqual(Enumerable.Range(0, numbers.Count)), $"{catalog.Language} {key}: placeholders {string.Join(",", numbers)}");
                var formatted = catalog.Format(key, [.. numbers.Select(n => (object)$"<{n}>")]);
                Assert.DoesNotContain("{", formatted, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_text_of_commands_states_and_details_is_translated_not_copied()
    {
        // The same in both languages on purpose: an exit is an exit, the Indonesian log already says DOWN, and an option's
        // name before a message is no word of either language; patch and minor name kinds of update in both (the seed's
        // Indonesian plan says "patch").
        string[] same = ["word.ping.exit", "word.check.down", "word.outcome.down", "cli.anchor", "word.kind.patch", "word.kind.minor"];
        var copied = Catalog.English.Keys
            .Where(k => k.StartsWith("cli.", StringComparison.Ordinal) || k.StartsWith("word.", StringComparison.Ordinal) || k.StartsWith("reason.", StringComparison.Ordinal))
            .Where(k => !same.Contains(k) && Catalog.English[k] == Catalog.Indonesian[k]);

        Assert.Empty(copied);
        Assert.DoesNotContain(same, k => Catalog.English[k] != Catalog.Indonesian[k]);
    }

    [Fact]
    public void Every_text_of_plan_errors_and_hints_is_translated_not_copied()
    {
        // The same on purpose: a path before a message, a text known only in English, a value quoted from the plan.
        string[] same = ["plan.error.at", "plan.error.text", "plan.found.value"];
        string[] prefixes = ["plan.error.", "plan.hint.", "plan.found.", "plan.expected."];
        var keys = Catalog.English.Keys.Where(k => prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList();
        var copied = keys.Where(k => !same.Contains(k) && Catalog.English[k] == Catalog.Indonesian[k]);

        Assert.NotEmpty(keys);
        Assert.Empty(copied);
        Assert.DoesNotContain(same, k => Catalog.English[k] != Catalog.Indonesian[k]);
    }

    [Fact]
    public void Every_table_has_as_many_columns_in_both_languages()
    {
        var keys = Catalog.English.Keys.Where(k => Catalog.English[k].Contains('|', StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Equal(Catalog.English.Columns(k).Length, Catalog.Indonesian.Columns(k).Length));
    }

    [Fact]
    public void Every_stored_state_has_a_word_in_both_languages()
    {
        foreach (var catalog in new[] { Catalog.English, Catalog.Indonesian })
        {
            Assert.All(Enum.GetValues<Core.Ports.RunOutcome>(), v => Assert.NotEmpty(catalog.Word("run", v)));
            Assert.All(Enum.GetValues<Core.Ports.BackupStatus>(), v => Assert.NotEmpty(catalog.Word("backup", v)));
            Assert.All(Enum.GetValues<Core.Ports.CopyState>(), v => Assert.NotEmpty(catalog.Word("copy", v)));
            Assert.All(Enum.GetValues<Core.Ports.PingKind>(), v => Assert.NotEmpty(catalog.Word("ping", v)));
            Assert.All(Enum.GetValues<Core.Monitoring.CheckStatus>(), v => Assert.NotEmpty(catalog.Word("check", v)));
            Assert.All(Enum.GetValues<Core.Monitoring.CheckOutcome>(), v => Assert.NotEmpty(catalog.Word("outcome", v)));
        }
        Assert.Equal("berhasil", Catalog.Indonesian.Word("run", Core.Ports.RunOutcome.Succeeded));
        Assert.Equal("succeeded", Catalog.English.Word("run", Core.Ports.RunOutcome.Succeeded));
    }

    [Fact]
    public void Indonesian_backup_message_is_the_seeds_text()
    {
        Assert.Equal("Backup database selesai: backup/db_2025-11-15.sql", Catalog.Indonesian.Format("backup.done", "backup/db_2025-11-15.sql"));
        Assert.Equal("Database backup finished: backup/db_2025-11-15.sql", Catalog.English.Format("backup.done", "backup/db_2025-11-15.sql"));
    }

    [Fact]
    public void Language_of_the_plan_picks_the_catalog_and_anything_else_is_english()
    {
        Assert.Same(Catalog.Indonesian, Catalog.For("id"));
        Assert.Same(Catalog.English, Catalog.For("en"));
        Assert.Same(Catalog.English, Catalog.For(null));
        Assert.Same(Catalog.English, Catalog.For("fr"));
        Assert.Equal(["en", "id"], Catalog.Languages);
    }

    private static HashSet<int> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
