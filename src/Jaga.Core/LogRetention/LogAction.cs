namespace Jaga.Core.LogRetention;

/// <summary>One decision of a retention pass, with its reason (shown by <c>jaga logs prune --dry-run</c> and logged when done).</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Path">The file acted on.</param>
/// <param name="Target">The rotated name (rotate) or the compressed name (compress); null otherwise.</param>
/// <param name="Reason">Why, in the plan's terms: "size 120 MB > max_size 100 MB".</param>
/// <param name="Size">The file's size in bytes when planned.</param>
public sealed record LogAction(LogActionKind Kind, string Path, string? Target, string Reason, long Size = 0);
