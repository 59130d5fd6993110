namespace Jaga.Testing.Docs;

/// <summary>One fenced code block of a Markdown file in the repository.</summary>
/// <param name="File">The file, relative to the repository root (<c>docs/backup.md</c>).</param>
/// <param name="Line">The line number of the block's first content line.</param>
/// <param name="Language">The fence's info string up to the first space (<c>bash</c>, <c>yaml</c>), or empty.</param>
/// <param name="Lines">The block's content.</param>
public sealed record DocBlock(string File, int Line, string Language, IReadOnlyList<string> Lines)
{
    public string Text => string.Join('\n', Lines) + "\n";

    /// <summary>Where line <paramref name="index"/> of the block is, as an editor takes it: <c>README.md:68</c>.</summary>
    public string Where(int index = 0) => $"{File}:{Line + index}";

    public bool IsShell => Language is "bash" or "sh" or "shell" or "console";

    /// <summary>The block's <c>jaga …</c> command lines, with their index in the block.</summary>
    public IEnumerable<(int Index, string Command)> JagaCommands() =>
        IsShell ? Lines.Select((l, i) => (i, l.Trim())).Where(x => x.Item2.StartsWith("jaga ", StringComparison.Ordinal) || x.Item2 == "jaga") : [];
}
