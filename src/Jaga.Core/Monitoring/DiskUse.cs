namespace Jaga.Core.Monitoring;

/// <summary>The use of one mounted file system.</summary>
/// <param name="Mount">The mount point.</param>
/// <param name="UsedPercent">used / (used + available), 0–100, as <c>df</c> shows it.</param>
/// <param name="TotalBytes">The file system's size.</param>
/// <param name="AvailableBytes">Bytes an unprivileged user can still write.</param>
public sealed record DiskUse(string Mount, double UsedPercent, long TotalBytes, long AvailableBytes);
