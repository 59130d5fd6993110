using System.Text;
using System.Text.RegularExpressions;

namespace Jaga.Core.LogRetention;

/// <summary>A rule's glob over full paths: <c>*</c>, <c>?</c> and <c>[abc]</c> within one path segment, as the shell reads
/// them (a wildcard never matches <c>/</c> nor a leading dot, so Jaga's own temporary files are never logs).</summary>
public sealed class LogGlob
{
    private readonly Regex whole;

    private LogGlob(string pattern, string root, IReadOnlyList<Regex> segments)
    {
        Pattern = pattern;
        Root = root;
        Segments = segments;
        whole = new Regex("^" + string.Join("/", pattern.Split('/').Select(Translate)) + "$", RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    /// <summary>The folder before the first wildcard: where the search starts.</summary>
    public string Root { get; }

    /// <summary>One matcher per segment after <see cref="Root"/>; the last one is for file names.</summary>
    public IReadOnlyList<Regex> Segments { get; }

    /// <param name="fullPattern">An absolute, '/'-separated pattern.</param>
    public static LogGlob Parse(string fullPattern)
    {
        var pattern = fullPattern.Replace('\\', '/');
        var parts = pattern.Split('/');
        var literal = 0;
        while (literal < parts.Length - 1 && !HasWildcard(parts[literal])) literal++;
        var root = string.Join("/", parts[..literal]);
        if (root.Length == 0) root = "/";
        var segments = parts[literal..].Select(p => new Regex("^" + Translate(p) + "$", RegexOptions.CultureInvariant)).ToList();
        return new LogGlob(pattern, root, segments);
    }

    public bool Matches(string fullPath) => whole.IsMatch(Path(fullPath));

    private static string Path(string p) => p.Replace('\\', '/');

    private static bool HasWildcard(string segment) => segment.IndexOfAny(['*', '?', '[']) >= 0;

    private static string Translate(string segment)
    {
        if (!HasWildcard(segment)) return Regex.Escape(segment);
        var sb = new StringBuilder();
        if (!segment.StartsWith('.')) sb.Append(@"(?!\.)");
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var end = segment.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        sb.Append(@"\[");
                        break;
                    }
                    var set = segment[(i + 1)..end];
                    if (set.StartsWith('!')) set = "^" + set[1..];
                    sb.Append('[').Append(set.Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return sb.ToString();
    }
}
