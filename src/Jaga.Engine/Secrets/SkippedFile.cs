namespace Jaga.Engine.Secrets;

/// <summary>A file a scan did not read, and why.</summary>
/// <param name="Path">'/'-separated, relative to the scanned root (with the commit for a history scan: <c>abc1234:path</c>).</param>
/// <param name="Reason">Why it was skipped.</param>
/// <param name="Detail">The size, or the system's message.</param>
public sealed record SkippedFile(string Path, SkipReason Reason, string Detail);
