using System.Text;

namespace Jaga.Core.Conditions;

/// <summary>The pattern of <c>pat()</c>, in the syntax of Go's <c>filepath.Match</c> that Gatus uses: <c>*</c> matches any
/// run of characters (none included), <c>?</c> one character, <c>[abc]</c>, <c>[a-z]</c> one character of a class and
/// <c>[^a-z]</c> (or <c>[!a-z]</c>) one outside it; <c>\</c> makes the next character plain. Unlike Go, <c>/</c> is a plain
/// character that <c>*</c> and <c>?</c> match too.</summary>
internal sealed class MatchPattern
{
    private readonly Token[] tokens;

    private MatchPattern(Token[] tokens) => this.tokens = tokens;

    /// <summary>Reads <paramref name="pattern"/>; on failure <paramref name="problem"/> says what is wrong at which offset
    /// (0-based, in UTF-16 units of <paramref name="pattern"/>).</summary>
    public static MatchPattern? TryRead(string pattern, out (int Offset, string Message)? problem)
    {
        problem = null;
        var tokens = new List<Token>();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    if (tokens.Count == 0 || tokens[^1].Kind != TokenKind.Star) tokens.Add(new Token(TokenKind.Star));
                    i++;
                    break;
                case '?':
                    tokens.Add(new Token(TokenKind.One));
                    i++;
                    break;
                case '[':
                    var open = i;
                    var cls = ReadClass(pattern, ref i, out var message);
                    if (cls is null)
                    {
                        problem = (message is null ? open : i, message ?? "'[' is never closed with ']'");
                        return null;
                    }
                    tokens.Add(cls);
                    break;
                case '\\':
                    if (i + 1 == pattern.Length)
                    {
                        problem = (i, "'\\' at the end escapes nothing");
                        return null;
                    }
                    i++;
                    tokens.Add(Literal(pattern, ref i));
                    break;
                default:
                    tokens.Add(Literal(pattern, ref i));
                    break;
            }
        }
        return new MatchPattern([.. tokens]);
    }

    /// <summary>Whether the pattern matches the whole of <paramref name="text"/>.</summary>
    public bool Matches(string text)
    {
        var runes = new List<Rune>(text.Length);
        foreach (var r in text.EnumerateRunes()) runes.Add(r);
        int p = 0, t = 0, starP = -1, starT = -1;
        while (t < runes.Count)
        {
            if (p < tokens.Length && tokens[p].Kind == TokenKind.Star)
            {
                starP = p++;
                starT = t;
                continue;
            }
            if (p < tokens.Length && tokens[p].Matches(runes[t]))
            {
                p++;
                t++;
                continue;
            }
            if (starP < 0) return false;
            p = starP + 1;
            t = ++starT;
        }
        while (p < tokens.Length && tokens[p].Kind == TokenKind.Star) p++;
        return p == tokens.Length;
    }

    private static Token Literal(string pattern, ref int i)
    {
        var rune = RuneAt(pattern, ref i);
        return new Token(TokenKind.Class) { Ranges = [(rune, rune)] };
    }

    /// <summary>Reads <c>[…]</c> from <paramref name="i"/> (at the '['), leaving <paramref name="i"/> after the ']'; null
    /// with <paramref name="message"/> (and <paramref name="i"/> at the bad character) when malformed, or without a message
    /// when the class is never closed.</summary>
    private static Token? ReadClass(string pattern, ref int i, out string? message)
    {
        message = null;
        i++;
        var negated = i < pattern.Length && pattern[i] is '^' or '!';
        if (negated) i++;
        var ranges = new List<(Rune, Rune)>();
        while (true)
        {
            if (i == pattern.Length) return null;
            if (pattern[i] == ']' && ranges.Count > 0)
            {
                i++;
                return new Token(TokenKind.Class) { Ranges = [.. ranges], Negated = negated };
            }
            var lo = ClassChar(pattern, ref i, out message);
            if (lo is null) return null;
            var hi = lo.Value;
            if (i < pattern.Length && pattern[i] == '-')
            {
                i++;
                var end = ClassChar(pattern, ref i, out message);
                if (end is null) return null;
                hi = end.Value;
            }
            ranges.Add((lo.Value, hi));
        }
    }

    private static Rune? ClassChar(string pattern, ref int i, out string? message)
    {
        message = null;
        if (i == pattern.Length) return null;
        if (pattern[i] is '-' or ']')
        {
            message = pattern[i] == ']' ? "a class needs at least one character before ']' (write \\] for the character ])"
                : "'-' in a class needs a character on both sides (write \\- for the character -)";
            return null;
        }
        if (pattern[i] == '\\')
        {
            i++;
            if (i == pattern.Length) return null;
        }
        return RuneAt(pattern, ref i);
    }

    /// <summary>The character at <paramref name="i"/> (a lone surrogate reads as U+FFFD, as the text's do), moving past it.</summary>
    private static Rune RuneAt(string pattern, ref int i)
    {
        Rune.DecodeFromUtf16(pattern.AsSpan(i), out var rune, out var used);
        i += used;
        return rune;
    }

    private enum TokenKind
    {
        Star,
        One,
        Class,
    }

    private sealed record Token(TokenKind Kind)
    {
        public (Rune Lo, Rune Hi)[] Ranges { get; init; } = [];

        public bool Negated { get; init; }

        public bool Matches(Rune r)
        {
            if (Kind == TokenKind.One) return true;
            var inside = false;
            foreach (var (lo, hi) in Ranges)
                if (lo <= r && r <= hi) inside = true;
            return inside != Negated;
        }
    }
}
