using System.Text;
using System.Text.RegularExpressions;

namespace Jaga.Core.Globbing;

/// <summary>One '/'-free part of a <see cref="Glob"/>: a literal name, a wildcard pattern for one name, or <c>**</c>.</summary>
internal sealed class GlobSegment
{
    private readonly string? literal;
    private readonly Regex? pattern;
    private readonly bool wildcardsMatchHidden;

    private GlobSegment(string? literal, Regex? pattern, bool anyDepth, bool wildcardsMatchHidden)
    {
        this.literal = literal;
        this.pattern = pattern;
        AnyDepth = anyDepth;
        this.wildcardsMatchHidden = wildcardsMatchHidden;
    }

    /// <summary><c>**</c>: any number of folders.</summary>
    public bool AnyDepth { get; }

    /// <summary>Whether the segment has a wildcard (it is not a plain name).</summary>
    public bool HasWildcard => literal is null;

    public static GlobSegment Parse(string text, bool wildcardsMatchHidden)
    {
        if (text == "**") return new GlobSegment(null, null, anyDepth: true, wildcardsMatchHidden);
        var regex = new StringBuilder();
        var name = new StringBuilder();
        var wild = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                name.Append(text[++i]);
                regex.Append(Regex.Escape(text[i].ToString()));
            }
            else if (c == '*')
            {
                // Consecutive asterisks inside a name are one: gitignore's "other consecutive asterisks".
                while (i + 1 < text.Length && text[i + 1] == '*') i++;
                regex.Append(".*");
                wild = true;
            }
            else if (c == '?')
            {
                regex.Append('.');
                wild = true;
            }
            else if (c == '[' && CharacterClass(text, i) is { } set)
            {
                regex.Append(set.Regex);
                i = set.End;
                wild = true;
            }
            else
            {
                name.Append(c);
                regex.Append(Regex.Escape(c.ToString()));
            }
        }
        if (!wild) return new GlobSegment(name.ToString(), null, anyDepth: false, wildcardsMatchHidden);
        // The shell's rule: a wildcard never matches the leading '.' of a hidden name; only a pattern that starts with one does.
        var hidden = wildcardsMatchHidden || text.StartsWith('.') ? "" : @"(?!\.)";
        return new GlobSegment(null, new Regex("^" + hidden + regex + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline), anyDepth: false, wildcardsMatchHidden);
    }

    /// <summary>Whether <paramref name="name"/> (one folder or file name) matches.</summary>
    public bool IsMatch(string name) =>
        AnyDepth ? Crosses(name) : literal is not null ? string.Equals(literal, name, StringComparison.Ordinal) : pattern!.IsMatch(name);

    /// <summary>Whether <c>**</c> may pass through a folder of this name (not a hidden one under the shell's rule).</summary>
    public bool Crosses(string name) => wildcardsMatchHidden || !name.StartsWith('.');

    /// <summary><c>[abc]</c>, <c>[a-z]</c>, <c>[!abc]</c> or <c>[^abc]</c> starting at <paramref name="start"/>; a <c>]</c>
    /// right after the opening (or its negation) is a member. Null when it is not closed: the '[' is then a plain character.</summary>
    private static (string Regex, int End)? CharacterClass(string text, int start)
    {
        var i = start + 1;
        var negated = i < text.Length && text[i] is '!' or '^';
        if (negated) i++;
        var members = new StringBuilder();
        var first = true;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ']' && !first) return ((negated ? "[^" : "[") + members + "]", i);
            first = false;
            if (c == '\\' && i + 1 < text.Length) c = text[++i];
            else if (c == '-')
            {
                members.Append('-');
                continue;
            }
            if (c is '\\' or ']' or '[' or '^' or '-') members.Append('\\');
            members.Append(c);
        }
        return null;
    }
}
