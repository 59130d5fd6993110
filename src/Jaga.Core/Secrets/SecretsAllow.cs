using System.Text.RegularExpressions;
using Jaga.Core.Globbing;

namespace Jaga.Core.Secrets;

/// <summary>What the plan's <c>secrets.allow</c> lets pass: files by glob (read as a <c>.gitignore</c>: <c>tests/fixtures/</c>,
/// <c>*.example</c>) and secrets by regular expression (a known test key, a placeholder the team uses).</summary>
public sealed class SecretsAllow
{
    private readonly GlobRules paths;

    public SecretsAllow(GlobRules paths, IReadOnlyList<Regex> secrets)
    {
        this.paths = paths;
        Secrets = secrets;
    }

    public static SecretsAllow None { get; } = new(GlobRules.None, []);

    /// <summary>Regular expressions tried against each secret.</summary>
    public IReadOnlyList<Regex> Secrets { get; }

    /// <summary>Whether the file at <paramref name="path"/> ('/'-separated, relative to the scanned root) is left out.</summary>
    public bool AllowsPath(string path) => paths.IsExcluded(path, isFolder: false);

    /// <summary>Whether a folder is left out whole, so a walk need not go into it.</summary>
    public bool AllowsFolder(string path) => paths.IsExcluded(path, isFolder: true);

    public bool AllowsSecret(string secret) => Secrets.Any(r => r.IsMatch(secret));
}
