namespace Jaga.Core.Globbing;

/// <summary>A list of globs read as a <c>.gitignore</c>: <c>*.tmp</c> (a name at any depth), <c>cache/</c> (a folder at any
/// depth), <c>**/node_modules</c>, <c>uploads/tmp/*</c> and <c>/config.yml</c> (from the base folder), and
/// <c>!keep.tmp</c>, which takes back what an earlier rule excluded.</summary>
/// <remarks>A rule without a '/' (a trailing one aside) matches a name at any depth; one with a '/' at its start or inside
/// is anchored to the base folder. A trailing '/' matches folders only. The last rule that matches decides. Whatever is
/// inside an excluded folder is excluded with it, and (as in git) a <c>!</c> rule cannot take back a path whose folder
/// is excluded. Unlike a <c>.gitignore</c> file, a rule starting with <c>#</c> is a rule (the plan's YAML has comments).
/// Blanks around a rule are ignored.</remarks>
public sealed class GlobRules
{
    private readonly Rule[] rules;

    /// <summary>Reads <paramref name="patterns"/>; throws <see cref="ArgumentException"/> for one that names nothing.</summary>
    public GlobRules(IEnumerable<string> patterns) => rules = [.. patterns.Select(Compile)];

    /// <summary>Excludes nothing.</summary>
    public static GlobRules None { get; } = new([]);

    /// <summary>Whether <paramref name="relativePath"/> (from the base folder, '/'-separated) is excluded, itself or
    /// through one of the folders it is in.</summary>
    public bool IsExcluded(string relativePath, bool isFolder)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (rules.Length == 0) return false;
        var path = relativePath.Trim('/');
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = path.IndexOf('/', slash + 1))
            if (Decide(path[..slash], isFolder: true)) return true;
        return Decide(path, isFolder);
    }

    private bool Decide(string path, bool isFolder)
    {
        for (var i = rules.Length - 1; i >= 0; i--)
        {
            var rule = rules[i];
            if ((isFolder || !rule.FoldersOnly) && rule.Glob.IsMatch(path)) return !rule.Negated;
        }
        return false;
    }

    private static Rule Compile(string pattern)
    {
        var text = pattern.Trim();
        var negated = text.StartsWith('!');
        if (negated) text = text[1..];
        var foldersOnly = text.EndsWith('/');
        text = text.TrimEnd('/');
        if (text.StartsWith("./", StringComparison.Ordinal)) text = text[2..];
        if (text.Length == 0) throw new ArgumentException($"the exclude pattern '{pattern}' matches nothing", nameof(pattern));
        var anchored = text.Contains('/', StringComparison.Ordinal);
        text = text.TrimStart('/');
        return new Rule(Glob.Parse(anchored ? text : "**/" + text), negated, foldersOnly);
    }

    private sealed record Rule(Glob Glob, bool Negated, bool FoldersOnly);
}
