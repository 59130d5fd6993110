using System.Text.RegularExpressions;

namespace Jaga.Core.Secrets;

/// <summary>What a rule (or every rule) lets pass, as gitleaks' <c>[[allowlists]]</c> reads: paths, regular expressions
/// tried against the secret, the whole match or its line, stop words found in the secret, and commits.</summary>
/// <param name="Paths">Regular expressions over the file's '/'-separated path.</param>
/// <param name="Regexes">Regular expressions tried against <paramref name="Target"/>.</param>
/// <param name="Target">What <paramref name="Regexes"/> are tried against.</param>
/// <param name="StopWords">Lower-case words; a secret that contains one passes.</param>
/// <param name="Commits">Commit ids (full or a prefix of at least 7) whose additions pass.</param>
/// <param name="RequireAll">gitleaks' <c>condition = "AND"</c>: every kind of check given must agree; otherwise one is enough.</param>
public sealed record SecretAllowlist(
    IReadOnlyList<Regex> Paths, IReadOnlyList<Regex> Regexes, AllowTarget Target, IReadOnlyList<string> StopWords,
    IReadOnlyList<string> Commits, bool RequireAll)
{
    /// <summary>Whether a candidate passes this allowlist.</summary>
    public bool Allows(string path, string secret, string match, string line, string? commit)
    {
        var checks = new List<bool>(4);
        if (Paths.Count > 0) checks.Add(Paths.Any(p => p.IsMatch(path)));
        if (Regexes.Count > 0)
        {
            var text = Target switch { AllowTarget.Match => match, AllowTarget.Line => line, _ => secret };
            checks.Add(Regexes.Any(r => r.IsMatch(text)));
        }
        if (StopWords.Count > 0) checks.Add(StopWords.Any(w => secret.Contains(w, StringComparison.OrdinalIgnoreCase)));
        if (Commits.Count > 0) checks.Add(commit is not null && Commits.Any(c => commit.StartsWith(c, StringComparison.OrdinalIgnoreCase)));
        return checks.Count > 0 && (RequireAll ? checks.All(c => c) : checks.Any(c => c));
    }
}
