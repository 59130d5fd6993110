using Jaga.Core.Plan;

namespace Jaga.Core.LogRetention;

/// <summary>A rotated file's name, read back: the live file it came from, when it was rotated, and how it is compressed.</summary>
/// <param name="LiveName">The live file's name (no folder).</param>
/// <param name="Rotated">When it was rotated (UTC, to the second).</param>
/// <param name="Counter">0, or the n-th extra rotation within that second.</param>
/// <param name="Compress">none, gzip or zstd, from the extension.</param>
public sealed record RotatedFileName(string LiveName, DateTimeOffset Rotated, int Counter, Compression Compress);
