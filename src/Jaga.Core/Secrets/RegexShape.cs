using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Jaga.Core.Secrets;

/// <summary>What every match of a pattern must hold, read from the pattern's text, so a scan can look for a rare
/// character first and run the pattern only near it: a punctuation character out of <see cref="Anchors"/> at most
/// <see cref="Lead"/> characters after the match's start, and a match never longer than <see cref="MaxLength"/>.</summary>
/// <remarks>The generic rule (<c>password…=value</c>) starts with common words, which occur on most lines of code, so the
/// engine stops at nearly every word; an <c>=</c> or <c>:</c> within 36 characters of the start is rare. Only what the
/// reader below understands is read (literals, escapes, classes, groups, alternation, quantifiers, anchors, inline
/// flags other than <c>x</c>); anything else gives no shape, and the pattern runs over the whole text as before.
/// A pattern that begins with a literal of 3 characters or more gets no shape either: .NET already searches for that
/// literal with vectorized code.</remarks>
/// <param name="Anchors">Characters of which one is in every match (rare ASCII punctuation only, which has no other case).</param>
/// <param name="AnchorText">The same characters, as a string (for tests and messages).</param>
/// <param name="Lead">The furthest an anchor can be from the match's start.</param>
/// <param name="MaxLength">The longest a match can be.</param>
public sealed record RegexShape(SearchValues<char> Anchors, string AnchorText, int Lead, int MaxLength)
{
    /// <summary>Characters that may anchor: ASCII punctuation (which no case-insensitive match folds to another) that is
    /// rare in code; <c>_ - . / , ; ( )</c> and quotes are on most lines, and looking for them first would cost more than
    /// it saves.</summary>
    private const string Rare = "!#$%&*+:<=>?@[\\]^`{|}~";

    private const int Unbounded = int.MaxValue;

    /// <summary>The shape of <paramref name="regex"/>, or null when it has none worth using or the reader cannot tell.</summary>
    public static RegexShape? Of(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        if ((regex.Options & (RegexOptions.IgnorePatternWhitespace | RegexOptions.RightToLeft | RegexOptions.ECMAScript)) != 0) return null;
        return Of(regex.ToString());
    }

    /// <summary>The shape of a .NET pattern (<see cref="Of(Regex)"/>).</summary>
    public static RegexShape? Of(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Node node;
        try
        {
            var reader = new Reader(pattern);
            node = reader.Alternation();
            if (reader.Position != pattern.Length) return null;
        }
        catch (FormatException)
        {
            return null;
        }
        if (node.Prefix >= 3 || node.Anchor is not { } anchor || node.Max == Unbounded || anchor.Lead == Unbounded) return null;
        var chars = new string([.. anchor.Chars.Order()]);
        return new RegexShape(SearchValues.Create(chars), chars, anchor.Lead, node.Max);
    }

    /// <summary>The matches of <paramref name="regex"/> in <paramref name="text"/>, the same as
    /// <c>regex.Matches(text)</c>, found by running it only around the anchors.</summary>
    /// <remarks>The first anchor at or after the position <c>q</c> bounds where the next match can start: not before
    /// <c>q - Lead</c>. The pattern runs over the text up to <c>q + MaxLength + 2</c> (cut there, not copied), so the
    /// engine sees every character a match starting at or before <c>q</c> can reach or test (<c>$</c> and <c>\b</c>
    /// look one character on); a match it finds starting after <c>q</c> is not trusted and is looked for again from
    /// the next anchor. Anchors close together share one run.</remarks>
    public IEnumerable<Match> Matches(Regex regex, string text)
    {
        ArgumentNullException.ThrowIfNull(regex);
        ArgumentNullException.ThrowIfNull(text);
        var pos = 0;
        while (pos < text.Length)
        {
            var found = text.AsSpan(pos).IndexOfAny(Anchors);
            if (found < 0) yield break;
            var first = pos + found;
            var last = Cluster(text, first);
            var start = Math.Max(pos, first > Lead ? first - Lead : 0);
            var end = (long)last + MaxLength + 2 >= text.Length ? text.Length : last + MaxLength + 2;
            var at = FirstMatch(regex, text, end, start);
            if (at >= 0 && (at <= last || end == text.Length))
            {
                var match = regex.Match(text, at);
                if (!match.Success || match.Index != at) throw new InvalidOperationException($"the pattern's shape is wrong: a match at {at} was not found again ({regex})");
                yield return match;
                pos = match.Index + Math.Max(1, match.Length);
            }
            else
            {
                if (end == text.Length) yield break;
                pos = last + 1;
            }
        }
    }

    /// <summary>The last anchor of the run that starts at <paramref name="first"/>: anchors whose windows overlap, up to
    /// about 4 KiB, so that a text dense with anchors is read in long runs rather than once per anchor.</summary>
    private int Cluster(string text, int first)
    {
        var last = first;
        var gap = (int)Math.Min((long)MaxLength + Lead + 2, int.MaxValue);
        while (last - first < 4096 && last + 1 < text.Length)
        {
            var next = text.AsSpan(last + 1, Math.Min(gap, text.Length - last - 1)).IndexOfAny(Anchors);
            if (next < 0) break;
            last += 1 + next;
        }
        return last;
    }

    private static int FirstMatch(Regex regex, string text, int end, int start)
    {
        foreach (var m in regex.EnumerateMatches(text.AsSpan(0, end), start)) return m.Index;
        return -1;
    }

    /// <summary>An anchor: one of <paramref name="Chars"/> is at most <paramref name="Lead"/> characters into every match.</summary>
    private sealed record Anchor(HashSet<char> Chars, int Lead);

    /// <summary>What the reader knows of a part of the pattern: its shortest and longest match, an anchor, and the length
    /// of the literal it begins with.</summary>
    private sealed record Node(int Min, int Max, Anchor? Anchor, int Prefix);

    private static int Add(int a, int b) => a == Unbounded || b == Unbounded ? Unbounded : (int)Math.Min((long)a + b, Unbounded - 1);

    private static int Times(int a, int n) => a == 0 ? 0 : a == Unbounded || n == Unbounded ? Unbounded : (int)Math.Min((long)a * n, Unbounded - 1);

    /// <summary>A recursive-descent reader of the part of .NET's pattern syntax rules use; throws FormatException for
    /// anything else.</summary>
    private sealed class Reader(string p)
    {
        public int Position { get; private set; }

        private bool More => Position < p.Length;

        private char Peek => p[Position];

        public Node Alternation()
        {
            var branches = new List<Node> { Sequence() };
            while (More && Peek == '|')
            {
                Position++;
                branches.Add(Sequence());
            }
            if (branches.Count == 1) return branches[0];
            Anchor? anchor = null;
            if (branches.All(b => b.Anchor is not null))
                anchor = new Anchor([.. branches.SelectMany(b => b.Anchor!.Chars)], branches.Max(b => b.Anchor!.Lead));
            return new Node(branches.Min(b => b.Min), branches.Max(b => b.Max), anchor, 0);
        }

        private Node Sequence()
        {
            int min = 0, max = 0, prefix = 0;
            var literalSoFar = true;
            Anchor? best = null;
            while (More && Peek != '|' && Peek != ')')
            {
                var (atom, zeroWidth) = Atom();
                if (atom is null) continue; // an inline flag
                var node = Quantified(atom, out var once);
                if (node.Anchor is { } a && max != Unbounded)
                {
                    var candidate = new Anchor(a.Chars, Add(max, a.Lead));
                    if (best is null || candidate.Chars.Count < best.Chars.Count || (candidate.Chars.Count == best.Chars.Count && candidate.Lead < best.Lead)) best = candidate;
                }
                if (literalSoFar && !zeroWidth)
                {
                    if (once && atom.Prefix > 0) prefix += atom.Prefix;
                    if (!once || atom.Prefix != atom.Max || atom.Min != atom.Max) literalSoFar = false;
                }
                min = Add(min, node.Min);
                max = Add(max, node.Max);
            }
            return new Node(min, max, best, prefix);
        }

        private Node Quantified(Node atom, out bool once)
        {
            once = true;
            if (!More) return atom;
            int lo, hi;
            var c = Peek;
            if (c is '*' or '+' or '?')
            {
                Position++;
                (lo, hi) = c switch { '*' => (0, Unbounded), '+' => (1, Unbounded), _ => (0, 1) };
            }
            else if (c == '{' && Bounds() is { } b)
            {
                (lo, hi) = b;
            }
            else
            {
                return atom;
            }
            if (More && Peek == '?') Position++; // lazy
            if (More && Peek is '*' or '+' or '?' or '{') throw new FormatException("nested quantifier");
            once = lo == 1 && hi == 1;
            return new Node(Times(atom.Min, lo), Times(atom.Max, hi), lo >= 1 ? atom.Anchor : null, 0);
        }

        /// <summary>{n}, {n,} or {n,m} at the position (and moves past it), or null when the brace is a literal.</summary>
        private (int, int)? Bounds()
        {
            var close = p.IndexOf('}', Position);
            if (close < 0) return null;
            var body = p[(Position + 1)..close];
            var comma = body.IndexOf(',', StringComparison.Ordinal);
            var lowText = comma < 0 ? body : body[..comma];
            if (!int.TryParse(lowText, NumberStyles.None, CultureInfo.InvariantCulture, out var lo)) return null;
            var hi = lo;
            if (comma >= 0)
            {
                var highText = body[(comma + 1)..];
                if (highText.Length == 0) hi = Unbounded;
                else if (!int.TryParse(highText, NumberStyles.None, CultureInfo.InvariantCulture, out hi)) return null;
            }
            Position = close + 1;
            return (lo, hi);
        }

        /// <summary>One atom; null for an inline flag group, which matches nothing. ZeroWidth for assertions.</summary>
        private (Node? Node, bool ZeroWidth) Atom()
        {
            var c = p[Position++];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    return (One(Class()), false);
                case '.':
                    return (One(null), false);
                case '^' or '$':
                    return (new Node(0, 0, null, 0), true);
                case '\\':
                    return Escape();
                case '*' or '+' or '?' or ')':
                    throw new FormatException("unexpected " + c);
                default:
                    return (Literal(c), false);
            }
        }

        private static Node Literal(char c) => new(1, 1, Rare.Contains(c, StringComparison.Ordinal) ? new Anchor([c], 0) : null, 1);

        private static Node One(HashSet<char>? chars) =>
            new(1, 1, chars is not null && chars.Count > 0 && chars.All(x => Rare.Contains(x, StringComparison.Ordinal)) ? new Anchor(chars, 0) : null, 0);

        private (Node?, bool) Group()
        {
            if (More && Peek == '?')
            {
                Position++;
                if (!More) throw new FormatException("unfinished group");
                var c = Peek;
                if (c == ':') Position++;
                else if (c == '<' && Position + 1 < p.Length && p[Position + 1] is not ('=' or '!'))
                {
                    var close = p.IndexOf('>', Position);
                    if (close < 0) throw new FormatException("unfinished group name");
                    Position = close + 1;
                }
                else if (c == '\'')
                {
                    var close = p.IndexOf('\'', Position + 1);
                    if (close < 0) throw new FormatException("unfinished group name");
                    Position = close + 1;
                }
                else if (char.IsAsciiLetter(c) || c == '-')
                {
                    // Inline flags: (?i) for the rest of the group, or (?i:…). Case does not matter to the anchors
                    // (punctuation only), nor to lengths; x changes how the pattern reads, so it stops the reader.
                    while (More && (char.IsAsciiLetter(Peek) || Peek == '-'))
                    {
                        if (Peek is not ('i' or 'm' or 's' or 'n' or '-')) throw new FormatException("flag " + Peek);
                        Position++;
                    }
                    if (!More) throw new FormatException("unfinished flags");
                    if (Peek == ')')
                    {
                        Position++;
                        return (null, true);
                    }
                    if (Peek != ':') throw new FormatException("flags");
                    Position++;
                }
                else
                {
                    throw new FormatException("a group of kind " + c);
                }
            }
            var inner = Alternation();
            if (!More || Peek != ')') throw new FormatException("unclosed group");
            Position++;
            return (inner, false);
        }

        private (Node, bool) Escape()
        {
            if (!More) throw new FormatException("trailing backslash");
            var c = p[Position++];
            switch (c)
            {
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return (new Node(0, 0, null, 0), true);
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                    return (One(null), false);
                case 'p' or 'P':
                    var close = p.IndexOf('}', Position);
                    if (close < 0) throw new FormatException("unfinished category");
                    Position = close + 1;
                    return (One(null), false);
                default:
                    return (Literal(EscapedChar(c)), false);
            }
        }

        /// <summary>The character an escape outside <c>\d</c>-like classes stands for (the position is after the letter).</summary>
        private char EscapedChar(char c)
        {
            switch (c)
            {
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'f': return '\f';
                case 'v': return '\v';
                case 'e': return '\u001B';
                case 'a': return '\a';
                case 'u': return Hex(4);
                case 'x': return Hex(2);
                default:
                    if (char.IsAsciiLetterOrDigit(c)) throw new FormatException("escape \\" + c); // back references, \c, octal
                    return c;
            }
        }

        private char Hex(int digits)
        {
            if (Position + digits > p.Length || !int.TryParse(p.AsSpan(Position, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                throw new FormatException("hex escape");
            Position += digits;
            return (char)code;
        }

        /// <summary>A character class after its '['; the characters it holds when they are few and listed one by one, or
        /// null (a range, a negation, a category: one character, but no anchor).</summary>
        private HashSet<char>? Class()
        {
            var chars = new HashSet<char>();
            var exact = true;
            if (More && Peek == '^')
            {
                exact = false;
                Position++;
            }
            var firstItem = true;
            while (true)
            {
                if (!More) throw new FormatException("unclosed class");
                var c = p[Position++];
                if (c == ']' && !firstItem) break;
                firstItem = false;
                char item;
                if (c == '\\')
                {
                    if (!More) throw new FormatException("trailing backslash");
                    var e = p[Position++];
                    if (e is 'd' or 'D' or 'w' or 'W' or 's' or 'S')
                    {
                        exact = false;
                        continue;
                    }
                    if (e is 'p' or 'P')
                    {
                        var close = p.IndexOf('}', Position);
                        if (close < 0) throw new FormatException("unfinished category");
                        Position = close + 1;
                        exact = false;
                        continue;
                    }
                    item = e == 'b' ? '\b' : EscapedChar(e);
                }
                else
                {
                    if (c == '[' && More && Peek == ':') throw new FormatException("POSIX class");
                    item = c;
                }
                if (More && Peek == '-' && Position + 1 < p.Length && p[Position + 1] != ']')
                {
                    if (p[Position + 1] == '[') throw new FormatException("class subtraction");
                    // A range: read its end, and give up listing the characters.
                    Position++;
                    var endChar = p[Position++];
                    if (endChar == '\\')
                    {
                        if (!More) throw new FormatException("trailing backslash");
                        EscapedChar(p[Position++]);
                    }
                    exact = false;
                    continue;
                }
                chars.Add(item);
            }
            return exact ? chars : null;
        }
    }
}
