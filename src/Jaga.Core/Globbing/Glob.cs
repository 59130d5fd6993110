namespace Jaga.Core.Globbing;

/// <summary>A glob over '/'-separated paths, the one dialect of log rules and backup excludes: <c>*</c> and <c>?</c> within
/// a name, <c>[abc]</c>, <c>[a-z]</c> and <c>[!abc]</c> (or <c>[^abc]</c>) for one character, <c>**</c> as a whole segment for
/// any number of folders, and <c>\</c> before a character to take it as it is. Case matters; no wildcard matches a '/'.</summary>
/// <remarks><c>**</c> is read as gitignore reads it: a leading <c>**/</c> or an inner <c>/**/</c> matches zero or more
/// folders, a trailing <c>/**</c> everything inside the folder (not the folder itself), and <c>**</c> inside a name is a
/// plain <c>*</c>. Negation (<c>!</c>) belongs to a list of globs: <see cref="GlobRules"/>.</remarks>
public sealed class Glob
{
    private readonly GlobSegment[] segments;
    private readonly GlobSegment[] folders;

    private Glob(string pattern, GlobSegment[] segments, string root)
    {
        Pattern = pattern;
        this.segments = segments;
        folders = segments[..^1];
        Root = root;
    }

    public string Pattern { get; }

    /// <summary>The folder before the first folder with a wildcard, where a search for matches starts: <c>/var/log</c>
    /// for <c>/var/log/*/app.log</c>; <c>/</c> for an absolute pattern whose first folder is a wildcard, "" for a relative one.</summary>
    public string Root { get; }

    /// <param name="pattern">An absolute (<c>/var/log/*.log</c>) or relative (<c>logs/**/*.gz</c>) pattern.</param>
    /// <param name="wildcardsMatchHidden">False for the shell's rule (log rules): a wildcard, <c>**</c> included, never
    /// matches a name's leading '.', so hidden files (Jaga's own temporary files among them) are named only by a pattern
    /// that starts with a '.'. True for gitignore's (backup excludes).</param>
    public static Glob Parse(string pattern, bool wildcardsMatchHidden = true)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var parts = pattern.Split('/');
        var segments = parts.Select(p => GlobSegment.Parse(p, wildcardsMatchHidden)).ToArray();
        var literal = 0;
        while (literal < segments.Length - 1 && !segments[literal].HasWildcard) literal++;
        var root = string.Join("/", parts[..literal]);
        if (root.Length == 0 && pattern.StartsWith('/')) root = "/";
        return new Glob(pattern, segments, root);
    }

    /// <summary>Whether <paramref name="path"/> ('/'-separated, absolute if the pattern is) matches the whole pattern.</summary>
    public bool IsMatch(string path) => Match(segments, 0, Split(path), 0, prefix: false, tailIsInner: false);

    /// <summary>Whether <paramref name="folder"/> matches every segment but the last: it is a folder whose files the last
    /// segment is matched against.</summary>
    public bool MatchesFolder(string folder) => Match(folders, 0, Split(folder), 0, prefix: false, tailIsInner: true);

    /// <summary>Whether a match may lie below <paramref name="folder"/>: a search goes into it.</summary>
    public bool MayContain(string folder) => Match(segments, 0, Split(folder), 0, prefix: true, tailIsInner: false);

    public override string ToString() => Pattern;

    /// <summary>The names of a path; "/" is the one empty name before the first '/' of an absolute path.</summary>
    private static string[] Split(string path) => path == "/" ? [""] : path.TrimEnd('/').Split('/');

    /// <summary>Matches <paramref name="parts"/> from <paramref name="s"/> against the pattern from <paramref name="p"/>;
    /// with <paramref name="prefix"/>, true too when the parts run out while the pattern goes on. <paramref name="tailIsInner"/>
    /// says that a ** ending <paramref name="pattern"/> is an inner one of the whole pattern (it may match no folder).</summary>
    private static bool Match(GlobSegment[] pattern, int p, string[] parts, int s, bool prefix, bool tailIsInner)
    {
        while (true)
        {
            if (s == parts.Length)
                return prefix ? p < pattern.Length : p == pattern.Length || (tailIsInner && p == pattern.Length - 1 && pattern[p].AnyDepth);
            if (p == pattern.Length) return false;
            var segment = pattern[p];
            if (segment.AnyDepth)
            {
                // Zero folders, unless it ends the pattern (a trailing ** names what is inside, one name at least).
                if (p < pattern.Length - 1 && Match(pattern, p + 1, parts, s, prefix, tailIsInner)) return true;
                if (!segment.Crosses(parts[s])) return false;
                // One folder taken: the ** ends there, or takes more.
                if (Match(pattern, p + 1, parts, s + 1, prefix, tailIsInner)) return true;
                s++;
                continue;
            }
            if (!segment.IsMatch(parts[s])) return false;
            p++;
            s++;
        }
    }
}
