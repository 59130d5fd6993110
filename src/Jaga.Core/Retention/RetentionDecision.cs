namespace Jaga.Core.Retention;

/// <summary>What to do with one backup, and why: every kept backup carries the rules that keep it.</summary>
public sealed record RetentionDecision(RetentionCandidate Backup, bool Keep, IReadOnlyList<string> Reasons);
