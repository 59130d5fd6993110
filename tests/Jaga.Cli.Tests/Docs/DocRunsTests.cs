using Jaga.Testing.Docs;

namespace Jaga.Cli.Tests;

/// <summary>Every <c>jaga …</c> line of README.md and docs/*.md is run by a test (a block in <see cref="DocRuns"/>, whose
/// test runs each of its lines) or says next to it why it is not (<see cref="DocRuns.NotRun"/>): a new example without
/// either fails here.</summary>
public sealed class DocRunsTests
{
    [Fact]
    public void Every_jaga_line_in_the_docs_is_run_by_a_test_or_says_why_not()
    {
        var run = DocRuns.All.Select(r => r.Block()).Select(b => (b.File, b.Line)).ToHashSet();
        var unrun = new List<string>();
        var count = 0;
        foreach (var block in DocBlocks.All())
        {
            for (var i = 0; i < block.Lines.Count; i++)
            {
                var line = block.Lines[i].Trim();
                if (!DocRuns.IsJagaLine(line)) continue;
                count++;
                // The synopsis of docs/cli.md is the form every command takes, not a command.
                if (block.File == "docs/cli.md" && line == DocRuns.Synopsis) continue;
                if (DocRuns.IsMarked(line)) continue;
                if (block.IsShell && run.Contains((block.File, block.Line))) continue;
                unrun.Add($"{block.Where(i)}: {line}");
            }
        }
        Assert.True(count >= 30, $"only {count} jaga lines found in README.md and docs/*.md");
        Assert.True(unrun.Count == 0,
            "these doc examples are run by no test: add their block to a test and to DocRuns, or end the line with "
            + $"`{DocRuns.NotRun} <why>`:\n" + string.Join('\n', unrun));
    }

    [Fact]
    public void Each_run_block_names_exactly_one_block_and_runs_at_least_one_line()
    {
        foreach (var run in DocRuns.All) Assert.True(run.Commands().Count > 0, $"{run.File}: the block of `{run.Holds}` has no line {run.Test} runs");
    }

    [Fact]
    public void A_marked_line_says_why()
    {
        var bare = DocBlocks.All().SelectMany(b => b.Lines.Select((l, i) => (b, l, i)))
            .Where(x => DocRuns.IsMarked(x.l) && x.l[(x.l.IndexOf(DocRuns.NotRun, StringComparison.Ordinal) + DocRuns.NotRun.Length)..].Trim().Length < 8)
            .Select(x => x.b.Where(x.i)).ToList();
        Assert.True(bare.Count == 0, "a line marked not run must say why: " + string.Join(", ", bare));
    }
}
