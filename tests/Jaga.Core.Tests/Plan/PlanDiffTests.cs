using Jaga.Core.Plan;

namespace Jaga.Core.Tests.Plan;

public sealed class PlanDiffTests
{
    private const string Before = """
        version: 1
        project: tokoku
        listen: 127.0.0.1:8080 # a comment
        backup:
          - name: db
            source: { sqlite: app.db }
            schedule: "0 2 * * *"
            to: [local]
          - name: files
            source: { files: [uploads/] }
            every: 6h
            to: [local]
        notify:
          oncall: { webhook: "${HOOK}" }
        """;

    [Fact]
    public void Only_comments_and_layout_changed_means_no_section_changed() =>
        Assert.Empty(PlanDiff.Sections(Before, Before.Replace(" # a comment", "", StringComparison.Ordinal).Replace("{ sqlite: app.db }", "{sqlite: app.db}", StringComparison.Ordinal)));

    [Fact]
    public void Named_items_say_which_changed_were_added_and_removed()
    {
        var after = Before.Replace("0 2 * * *", "0 3 * * *", StringComparison.Ordinal).Replace("name: files", "name: uploads", StringComparison.Ordinal);

        Assert.Equal(["backup (changed: db; added: uploads; removed: files)"], PlanDiff.Sections(Before, after));
    }

    [Fact]
    public void Added_and_removed_sections_are_named_and_secrets_are_not_shown()
    {
        var after = (Before + "\n").Replace("notify:\n  oncall: { webhook: \"${HOOK}\" }\n", "", StringComparison.Ordinal)
            .Replace("${HOOK}", "https://hooks.example/SECRET", StringComparison.Ordinal) + "scheduler: { concurrency: 2 }\n";

        var sections = PlanDiff.Sections(Before, after);

        Assert.Equal(["scheduler (added)", "notify (removed)"], sections);
    }

    [Fact]
    public void A_changed_value_in_a_map_of_maps_names_the_entry()
    {
        var after = Before.Replace("${HOOK}", "${OTHER_HOOK}", StringComparison.Ordinal);

        var sections = PlanDiff.Sections(Before, after);

        Assert.Equal(["notify (changed: oncall)"], sections);
        Assert.DoesNotContain("OTHER_HOOK", sections[0], StringComparison.Ordinal);
    }
}
