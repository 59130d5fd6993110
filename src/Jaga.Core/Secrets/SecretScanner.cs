using System.Text.RegularExpressions;

namespace Jaga.Core.Secrets;

/// <summary>Finds secrets in one text (a file, or the lines a commit added to a file) with a rule set, the plan's
/// allowlist and inline <c>jaga:allow</c>. Pure and thread-safe: the engine calls it from several threads at once.</summary>
/// <remarks>As gitleaks does: a rule is tried only when one of its keywords is in the text (<see cref="KeywordFilter"/>);
/// the secret is the rule's secret group; a secret at or below the rule's entropy is dropped; then the allowlists decide.
/// Rules are compiled non-backtracking (<see cref="SecretPatterns"/>), so a hostile file costs time linear in its size.
/// A rule whose matches must hold a rare character near their start (<see cref="RegexShape"/>: the generic rule's
/// <c>=</c> or <c>:</c>) runs only around those characters, with the same matches.</remarks>
public sealed class SecretScanner
{
    private readonly SecretRuleSet rules;
    private readonly SecretsAllow allow;
    private readonly KeywordFilter keywords;
    private readonly RegexShape?[] shapes;

    public SecretScanner(SecretRuleSet rules, SecretsAllow? allow = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        this.rules = rules;
        this.allow = allow ?? SecretsAllow.None;
        keywords = new KeywordFilter([.. rules.Rules.Select(r => r.Keywords)]);
        shapes = [.. rules.Rules.Select(r => r.Pattern is null ? null : RegexShape.Of(r.Pattern))];
    }

    public SecretRuleSet Rules => rules;

    /// <summary>Whether a file is left out before it is read: by the plan's globs or a global allowlist's paths alone.</summary>
    public bool SkipsPath(string path) =>
        allow.AllowsPath(path) || rules.Allowlists.Any(a => a.Paths.Count > 0 && a.Regexes.Count == 0 && a.StopWords.Count == 0 && a.Commits.Count == 0 && a.Allows(path, "", "", "", null));

    /// <summary>Whether a walk need not go into a folder at all (the plan's globs).</summary>
    public bool SkipsFolder(string path) => allow.AllowsFolder(path);

    /// <summary>The secrets in <paramref name="text"/>.</summary>
    /// <param name="path">The file, '/'-separated, relative to the scanned root.</param>
    /// <param name="text">Its content (or a commit's added lines of it).</param>
    /// <param name="commit">The commit that added <paramref name="text"/>; null for the working tree.</param>
    /// <param name="lineOf">Maps a line of <paramref name="text"/> to the file's line (a commit's additions are not
    /// contiguous); null when they are the same.</param>
    public IReadOnlyList<SecretFinding> Scan(string path, string text, string? commit = null, Func<int, int>? lineOf = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        if (SkipsPath(path)) return [];
        var runs = keywords.In(text);
        var lines = new TextLines(text);
        var found = new List<Candidate>();
        for (var index = 0; index < rules.Rules.Count; index++)
        {
            var rule = rules.Rules[index];
            if (rule.Path is { } only && !only.IsMatch(path)) continue;
            if (rule.Pattern is null)
            {
                // A rule of paths alone names the file itself as the finding.
                if (rule.Path is not null && !Allowed(rule, path, "", "", "", commit))
                    found.Add(new Candidate(new SecretFinding(rule.Id, rule.Description, path, 1, 1, SecretMask.Of(""), 0, commit), -1, -1, index));
                continue;
            }
            if (!runs[index]) continue;
            foreach (var m in shapes[index] is { } shape ? shape.Matches(rule.Pattern, text) : rule.Pattern.Matches(text))
            {
                var group = SecretOf(rule, m);
                if (group.Length == 0) continue;
                var secret = group.Value;
                var entropy = ShannonEntropy.Of(secret);
                if (rule.Entropy > 0 && entropy <= rule.Entropy) continue;
                var line = lines.LineOf(m.Index);
                if (InlineAllow.On(line) || allow.AllowsSecret(secret)) continue;
                if (Allowed(rule, path, secret, m.Value, line.ToString(), commit)) continue;
                var (lineNo, _) = lines.At(m.Index);
                var (_, column) = lines.At(group.Index);
                found.Add(new Candidate(new SecretFinding(rule.Id, rule.Description, path, lineOf is null ? lineNo : lineOf(lineNo), column,
                    SecretMask.Of(secret), Math.Round(entropy, 2), commit), group.Index, group.Index + group.Length, IsGeneric(rule) ? index + rules.Rules.Count : index));
            }
        }
        return found.Count < 2 ? [.. found.Select(c => c.Finding)] : Distinct(found);
    }

    /// <summary>One secret found by several rules is one finding: the first rule's, a generic rule's last
    /// (<c>GH_TOKEN=ghp_…</c> is a GitHub token, not a "secret assigned to a name").</summary>
    private static List<SecretFinding> Distinct(List<Candidate> found)
    {
        var kept = new List<Candidate>();
        var spans = new List<(int Start, int End)>();
        foreach (var c in found.OrderBy(c => c.Rank).ThenBy(c => c.Start))
        {
            var at = spans.BinarySearch((c.Start, c.End));
            if (at < 0) at = ~at;
            var overlaps = (at > 0 && spans[at - 1].End > c.Start) || (at < spans.Count && spans[at].Start < c.End);
            if (overlaps && c.End > c.Start) continue;
            if (c.End > c.Start) spans.Insert(at, (c.Start, c.End));
            kept.Add(c);
        }
        return [.. kept.OrderBy(c => c.Start).ThenBy(c => c.Rank).Select(c => c.Finding)];
    }

    private static bool IsGeneric(SecretRule rule) => rule.Id.Contains("generic", StringComparison.OrdinalIgnoreCase);

    /// <summary>A finding with the span of its secret in the text and its rule's rank.</summary>
    private sealed record Candidate(SecretFinding Finding, int Start, int End, int Rank);

    private bool Allowed(SecretRule rule, string path, string secret, string match, string line, string? commit) =>
        rule.Allowlists.Any(a => a.Allows(path, secret, match, line, commit)) || rules.Allowlists.Any(a => a.Allows(path, secret, match, line, commit));

    /// <summary>The secret group when the rule names one; else the first group that matched; else the whole match.</summary>
    private static Group SecretOf(SecretRule rule, Match m)
    {
        if (rule.SecretGroup > 0) return rule.SecretGroup < m.Groups.Count ? m.Groups[rule.SecretGroup] : m;
        for (var i = 1; i < m.Groups.Count; i++)
            if (m.Groups[i].Success && m.Groups[i].Length > 0) return m.Groups[i];
        return m;
    }
}
