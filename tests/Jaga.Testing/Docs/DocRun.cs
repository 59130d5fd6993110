namespace Jaga.Testing.Docs;

/// <summary>A fenced block of a doc whose every <c>jaga …</c> line a test runs, except the lines marked
/// <see cref="DocRuns.NotRun"/>.</summary>
/// <param name="File">The doc, relative to the repository root.</param>
/// <param name="Holds">The start of one of the block's command lines, naming the block whatever its line numbers.</param>
/// <param name="Test">The test that runs it, for the reader of a failure.</param>
public sealed record DocRun(string File, string Holds, string Test)
{
    /// <summary>The one block of <see cref="File"/> with a <c>jaga …</c> line starting with <see cref="Holds"/>.</summary>
    public DocBlock Block()
    {
        var blocks = DocBlocks.Of(File).Where(b => b.JagaCommands().Any(c => c.Command.StartsWith(Holds, StringComparison.Ordinal))).ToList();
        if (blocks.Count != 1)
            throw new InvalidOperationException($"{File}: {blocks.Count} blocks hold a line starting with `{Holds}`, {Test} runs exactly one: make DocRuns name it by a line only it has");
        return blocks[0];
    }

    /// <summary>The block's command lines a test must run: all but those marked <see cref="DocRuns.NotRun"/>.</summary>
    public IReadOnlyList<(string Where, string Command)> Commands()
    {
        var block = Block();
        return block.JagaCommands().Where(c => !DocRuns.IsMarked(c.Command)).Select(c => (block.Where(c.Index), c.Command)).ToList();
    }
}
