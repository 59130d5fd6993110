namespace Jaga.Engine.Updates.Audit;

/// <summary>How far the registry questions are: <paramref name="Done"/> of <paramref name="Total"/> packages answered.</summary>
public readonly record struct AuditProgress(int Done, int Total);
