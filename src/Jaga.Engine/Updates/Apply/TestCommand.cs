using System.Text;
using Jaga.Core.Errors;
using Jaga.Core.Messages;

namespace Jaga.Engine.Updates.Apply;

/// <summary>A test command of the plan (<c>update.test</c>, <c>migration.test</c>) as the words of a program and its
/// arguments, run without a shell.</summary>
/// <remarks>The line is split as a shell splits words, quotes included (<c>'…'</c> literal, <c>"…"</c> with <c>\"</c>,
/// <c>\\</c>, <c>\$</c>, <c>\`</c>; a backslash outside quotes keeps the next character), and nothing more: no variable, no
/// glob, no pipe. What would mean something else to a shell (<c>&amp;&amp;</c>, <c>|</c>, <c>$HOME</c>, <c>*</c>) is refused
/// with the way out, rather than passed to the program as a word the user did not mean: a test run decides whether files are
/// kept, so it must run what the user thinks it runs.</remarks>
internal static class TestCommand
{
    private const string Syntax = "|&;<>()$`*?";

    /// <summary>The words of <paramref name="line"/>; a <see cref="UserException"/> when it is empty, leaves a quote open or
    /// holds shell syntax outside quotes, naming <paramref name="key"/>, the plan key the line came from.</summary>
    public static IReadOnlyList<string> Words(string? line, Catalog words, string key = "update.test")
    {
        ArgumentNullException.ThrowIfNull(words);
        var hint = words.Format("reason.update.test.hint", key);
        var result = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var text = line ?? "";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (inWord) result.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            if (c == '\'')
            {
                var end = text.IndexOf('\'', i + 1);
                if (end < 0) throw new UserException(words.Format("reason.update.test.quote", text, key), hint);
                word.Append(text, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                i = Quoted(text, i + 1, word, words, hint, key);
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                word.Append(text[++i]);
            }
            else if (Syntax.Contains(c, StringComparison.Ordinal) || (!inWord && c is '~' or '#'))
            {
                throw new UserException(words.Format("reason.update.test.shell", c, text, key), hint);
            }
            else
            {
                word.Append(c);
            }
            inWord = true;
        }
        if (inWord) result.Add(word.ToString());
        if (result.Count == 0) throw new UserException(words.Format("reason.update.test.empty", key), words.Format("reason.update.test.empty.hint", key));
        return result;
    }

    /// <summary>Reads a double-quoted part from <paramref name="start"/> (after the opening quote) into
    /// <paramref name="word"/>; returns the index of the closing quote. A shell expands <c>$</c> and <c>`</c> even there.</summary>
    private static int Quoted(string text, int start, StringBuilder word, Catalog words, string hint, string key)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"') return i;
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
            {
                word.Append(text[++i]);
                continue;
            }
            if (c is '$' or '`') throw new UserException(words.Format("reason.update.test.shell", c, text, key), hint);
            word.Append(c);
        }
        throw new UserException(words.Format("reason.update.test.quote", text, key), hint);
    }
}
