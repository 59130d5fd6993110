namespace Jaga.Core.Secrets;

/// <summary>What an allowlist's regular expressions are tried against (gitleaks' <c>regexTarget</c>).</summary>
public enum AllowTarget
{
    /// <summary>The secret alone (the default).</summary>
    Secret,

    /// <summary>The whole text the rule matched.</summary>
    Match,

    /// <summary>The line the match starts on.</summary>
    Line,
}
