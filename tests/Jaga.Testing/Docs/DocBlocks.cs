namespace Jaga.Testing.Docs;

/// <summary>The fenced code blocks of <c>README.md</c> and <c>docs/*.md</c>: what a reader copies and runs.</summary>
public static class DocBlocks
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Jaga.slnx"))) return dir.FullName;
            }
            throw new DirectoryNotFoundException("the repository root (Jaga.slnx) was not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>README.md and every docs/*.md, in a stable order.</summary>
    public static IReadOnlyList<string> Files() =>
        ["README.md", .. Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<DocBlock> All() => Files().SelectMany(Of).ToList();

    /// <summary>The fenced blocks of one file (<c>```</c> or <c>~~~</c> fences, as CommonMark reads them).</summary>
    public static IEnumerable<DocBlock> Of(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, relativePath));
        for (var i = 0; i < lines.Length; i++)
        {
            var open = lines[i].TrimStart();
            if (!open.StartsWith("```", StringComparison.Ordinal) && !open.StartsWith("~~~", StringComparison.Ordinal)) continue;
            var fence = open[..3];
            var info = open.TrimStart(fence[0]).Trim();
            var language = info.Split(' ', 2)[0];
            var body = new List<string>();
            var j = i + 1;
            for (; j < lines.Length && !lines[j].TrimStart().StartsWith(fence, StringComparison.Ordinal); j++) body.Add(lines[j]);
            yield return new DocBlock(relativePath, i + 2, language, body);
            i = j;
        }
    }

    /// <summary>A shell command line without its trailing comment (a <c>#</c> after white space, outside quotes).</summary>
    public static string WithoutComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null)
            {
                if (c == quote) quote = null;
                else if (c == '\\' && quote == '"') i++;
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i].TrimEnd();
        }
        return line.TrimEnd();
    }

    /// <summary>Splits a simple shell command line into words as sh would (quotes and backslashes; no expansion but
    /// <c>$?</c>, which becomes <paramref name="lastExit"/>).</summary>
    public static IReadOnlyList<string> Words(string line, int lastExit = 0)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var inWord = false;
        char? quote = null;
        var text = WithoutComment(line);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\'')
            {
                if (c == '\'') quote = null;
                else word.Append(c);
            }
            else if (quote == '"')
            {
                if (c == '"') quote = null;
                else if (c == '\\' && i + 1 < text.Length) word.Append(text[++i]);
                else word.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                inWord = true;
                if (c is '"' or '\'') quote = c;
                else if (c == '\\' && i + 1 < text.Length) word.Append(text[++i]);
                else if (c == '$' && i + 1 < text.Length && text[i + 1] == '?')
                {
                    word.Append(lastExit);
                    i++;
                }
                else word.Append(c);
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
