using System.Buffers;

namespace Jaga.Engine.Emergency.Steps;

/// <summary>Reads what a dry run can know of a shell line without running it: the program of its first simple command,
/// and whether anything else runs after it. Conservative: what it cannot read with certainty it calls opaque.</summary>
internal static class ShellLine
{
    /// <summary>What the first word is.</summary>
    public enum Kind
    {
        /// <summary>A program, looked up on PATH (or a path).</summary>
        Program,

        /// <summary>A builtin of the shell: always there.</summary>
        Builtin,

        /// <summary>A keyword, a variable, a quote, a glob, a group, a builtin that runs something else: not known unrun.</summary>
        Opaque,
    }

    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private static readonly SearchValues<char> WordEnd = SearchValues.Create(" \t\n;|&<>()");

    // In a word, these make what it names known only when the shell runs: expansion, quoting, globbing.
    private static readonly SearchValues<char> Unplain = SearchValues.Create("$`'\"\\*?[]{}~(");

    private static readonly SearchValues<char> Separators = SearchValues.Create(";|&`()\n");

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "fi", "case", "esac", "for", "while", "until", "do", "done", "in", "function", "select",
        "!", "{", "}", "[[", "]]", "time",
        // Builtins that run another command, which is not known from here.
        "eval", "exec", ".", "source", "command", "builtin", "nohup", "env", "sudo", "xargs",
    };

    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal)
    {
        ":", "true", "false", "cd", "echo", "printf", "test", "[", "exit", "return", "export", "readonly", "unset", "set",
        "shift", "trap", "wait", "kill", "umask", "read", "pwd", "alias", "unalias", "type", "hash", "ulimit", "local",
        "getopts", "times", "break", "continue", "jobs",
    };

    /// <summary>The first word of the line's first command (after any <c>NAME=value</c> assignments), what kind it is,
    /// and whether more than that one command runs (a pipe, a list, a substitution, a subshell).</summary>
    public static (string Word, Kind Kind, bool More) First(string line)
    {
        var rest = line.AsSpan().TrimStart();
        while (true)
        {
            var end = rest.IndexOfAny(WordEnd);
            var word = (end < 0 ? rest : rest[..end]).ToString();
            var after = end < 0 ? [] : rest[end..];
            if (word.Length == 0)
                return (after.IsEmpty ? "" : after[..1].ToString(), Kind.Opaque, true);
            if (IsAssignment(word) && after.TrimStart().Length > 0 && !IsOperator(after.TrimStart()[0]))
            {
                rest = after.TrimStart();
                continue;
            }
            var kind = Keywords.Contains(word) || word.AsSpan().IndexOfAny(Unplain) >= 0 ? Kind.Opaque
                : Builtins.Contains(word) ? Kind.Builtin
                : Kind.Program;
            return (word, kind, RunsMore(after));
        }
    }

    private static bool IsOperator(char c) => c is ';' or '|' or '&' or '<' or '>' or '(' or ')' or '\n';

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && (char.IsAsciiLetter(word[0]) || word[0] == '_')
            && !word.AsSpan(0, equals).ContainsAnyExcept(NameChars)
            && word.AsSpan().IndexOfAny(Unplain) < 0;
    }

    /// <summary>Whether the rest of the line starts other commands; a redirection such as <c>2&gt;&amp;1</c> does not.</summary>
    private static bool RunsMore(ReadOnlySpan<char> rest)
    {
        var text = rest.ToString().Replace(">&", ">", StringComparison.Ordinal).Replace("<&", "<", StringComparison.Ordinal);
        return text.AsSpan().IndexOfAny(Separators) >= 0;
    }
}
