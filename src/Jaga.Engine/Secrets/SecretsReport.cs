using Jaga.Core.Secrets;

namespace Jaga.Engine.Secrets;

/// <summary>What one secrets scan found and what it could not read. Findings hold masked secrets only.</summary>
/// <param name="Root">The folder (or file) scanned, absolute.</param>
/// <param name="History">Whether the git history was scanned rather than the working tree.</param>
/// <param name="RuleSource">"jaga", or the path of the gitleaks-format rule file.</param>
/// <param name="Findings">Secrets found, by path, line and rule.</param>
/// <param name="Skipped">Files left unread, each with why.</param>
/// <param name="Files">Files (or, for history, file changes) read.</param>
/// <param name="Bytes">Bytes read.</param>
/// <param name="Commits">Commits read (history only; 0 otherwise).</param>
/// <param name="GitIgnoreUsed">True when the root is in a git working tree and its ignore rules chose the files.</param>
public sealed record SecretsReport(
    string Root, bool History, string RuleSource, IReadOnlyList<SecretFinding> Findings, IReadOnlyList<SkippedFile> Skipped, int Files, long Bytes,
    int Commits, bool GitIgnoreUsed)
{
    /// <summary>No secret found: what the readiness checklist asks of points 1 and 5.</summary>
    public bool Clean => Findings.Count == 0;
}
