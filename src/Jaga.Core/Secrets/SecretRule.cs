using System.Text.RegularExpressions;

namespace Jaga.Core.Secrets;

/// <summary>One kind of secret a scan looks for: Jaga's own (<see cref="JagaRules"/>) or one read from a gitleaks-format
/// file (<see cref="GitleaksConfig"/>).</summary>
/// <param name="Id">A stable name (<c>github-pat</c>), shown in findings and SARIF's rule id.</param>
/// <param name="Description">What it found, for a reader.</param>
/// <param name="Pattern">What a secret looks like; null for a rule that names files only (<paramref name="Path"/>).</param>
/// <param name="SecretGroup">The capture group that holds the secret; 0 takes the first group that matched, or the whole
/// match when the pattern has no group (gitleaks' reading).</param>
/// <param name="Entropy">The Shannon entropy (bits per character) the secret must exceed to count; 0 for none. Generic
/// rules need one: a word like <c>password</c> is not a secret, a random string is.</param>
/// <param name="Keywords">Lower-case words of which one must appear in the text before the pattern is tried (a cheap
/// filter, gitleaks' <c>keywords</c>); empty tries every text.</param>
/// <param name="Path">Only files whose '/'-separated path matches; null for every file.</param>
/// <param name="Allowlists">What this rule lets pass.</param>
public sealed record SecretRule(
    string Id, string Description, Regex? Pattern, int SecretGroup, double Entropy, IReadOnlyList<string> Keywords, Regex? Path,
    IReadOnlyList<SecretAllowlist> Allowlists);
