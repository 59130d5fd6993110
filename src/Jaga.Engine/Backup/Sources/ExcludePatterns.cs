using System.Text;
using System.Text.RegularExpressions;

namespace Jaga.Engine.Backup.Sources;

/// <summary>Which paths a files backup leaves out, by glob, as in a <c>.gitignore</c>: <c>*.tmp</c> (a name at any depth),
/// <c>cache/</c> (a folder at any depth), <c>**/node_modules</c>, <c>uploads/tmp/*</c> (from the base folder).</summary>
/// <remarks><c>*</c> and <c>?</c> never cross a <c>/</c>; <c>**</c> spans any number of folders. A pattern without a
/// <c>/</c> (a trailing one aside) matches a name at any depth; one with a <c>/</c> at its start or inside is anchored to
/// the base folder. A trailing <c>/</c> matches folders only. Whatever is inside an excluded folder is excluded with it.</remarks>
public sealed class ExcludePatterns
{
    private readonly IReadOnlyList<(Regex Pattern, bool FoldersOnly)> patterns;

    /// <summary>Reads <paramref name="globs"/>; throws <see cref="ArgumentException"/> for an empty one.</summary>
    public ExcludePatterns(IEnumerable<string> globs) => patterns = [.. globs.Select(Compile)];

    /// <summary>Excludes nothing.</summary>
    public static ExcludePatterns None { get; } = new([]);

    /// <summary>Whether <paramref name="relativePath"/> (from the base folder, <c>/</c>-separated) is excluded, itself
    /// or through one of the folders it is in.</summary>
    public bool IsExcluded(string relativePath, bool isFolder)
    {
        if (patterns.Count == 0) return false;
        var path = relativePath.Trim('/');
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = path.IndexOf('/', slash + 1))
            if (Matches(path[..slash], isFolder: true)) return true;
        return Matches(path, isFolder);
    }

    private bool Matches(string path, bool isFolder) =>
        patterns.Any(p => (isFolder || !p.FoldersOnly) && p.Pattern.IsMatch(path));

    private static (Regex, bool) Compile(string glob)
    {
        var text = glob.Trim();
        var foldersOnly = text.EndsWith('/');
        text = text.TrimEnd('/');
        if (text.StartsWith("./", StringComparison.Ordinal)) text = text[2..];
        if (text.Length == 0) throw new ArgumentException($"the exclude pattern '{glob}' matches nothing", nameof(glob));
        // Like .gitignore: a bare name matches at any depth, a path is anchored to the base folder.
        var anchored = text.Contains('/', StringComparison.Ordinal);
        text = text.TrimStart('/');
        var regex = new StringBuilder("^");
        if (!anchored) regex.Append("(?:.*/)?");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var slashAfter = i + 2 < text.Length && text[i + 2] == '/';
                regex.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*') regex.Append("[^/]*");
            else if (c == '?') regex.Append("[^/]");
            else regex.Append(Regex.Escape(c.ToString()));
        }
        regex.Append('$');
        return (new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline), foldersOnly);
    }
}
