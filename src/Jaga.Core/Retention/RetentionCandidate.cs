namespace Jaga.Core.Retention;

/// <summary>A backup as retention sees it: when it was taken and whether it has been verified.</summary>
public sealed record RetentionCandidate(string Id, DateTimeOffset Time, bool Verified);
