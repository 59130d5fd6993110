namespace Jaga.Core.Secrets;

/// <summary>One secret found. It never holds the secret itself: only its <see cref="Masked"/> form.</summary>
/// <param name="RuleId">The rule that found it.</param>
/// <param name="Description">The rule's description.</param>
/// <param name="Path">The file, '/'-separated, relative to the scanned root.</param>
/// <param name="Line">1-based line of the match's start.</param>
/// <param name="Column">1-based column of the secret's start.</param>
/// <param name="Masked">The secret as <see cref="SecretMask"/> shows it.</param>
/// <param name="Entropy">The secret's Shannon entropy, rounded to 2 digits.</param>
/// <param name="Commit">The commit that added it (a history scan); null in the working tree.</param>
public sealed record SecretFinding(string RuleId, string Description, string Path, int Line, int Column, string Masked, double Entropy, string? Commit)
{
    /// <summary>A stable name for the finding, gitleaks' shape (<c>commit:path:rule:line</c>), for SARIF and baselines; it
    /// holds nothing of the secret.</summary>
    public string Fingerprint => (Commit is null ? "" : Commit + ":") + $"{Path}:{RuleId}:{Line}";
}
