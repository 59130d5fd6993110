namespace Jaga.Core.Secrets;

/// <summary>The rules of one scan and what passes every rule.</summary>
/// <param name="Rules">The rules, each with a distinct id.</param>
/// <param name="Allowlists">What every rule lets pass (gitleaks' global <c>[allowlist]</c>/<c>[[allowlists]]</c>).</param>
/// <param name="Source">Where the rules came from: "jaga" for Jaga's own, or the rule file's path.</param>
public sealed record SecretRuleSet(IReadOnlyList<SecretRule> Rules, IReadOnlyList<SecretAllowlist> Allowlists, string Source);
