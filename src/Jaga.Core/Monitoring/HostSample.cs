namespace Jaga.Core.Monitoring;

/// <summary>One measurement of the host, from <c>/proc</c> and <c>statfs</c>.</summary>
/// <param name="At">When it was taken.</param>
/// <param name="CpuPercent">Busy CPU time over the sampling interval, 0–100.</param>
/// <param name="MemoryPercent">Memory in use: (MemTotal − MemAvailable) / MemTotal, 0–100.</param>
/// <param name="SwapPercent">Swap in use, 0–100; null when the host has no swap.</param>
/// <param name="Load1">Load average over 1 minute.</param>
/// <param name="Load5">Load average over 5 minutes.</param>
/// <param name="Load15">Load average over 15 minutes.</param>
/// <param name="Disks">Use per mount point, as <c>df</c> counts it: used / (used + available to users).</param>
public sealed record HostSample(
    DateTimeOffset At, double CpuPercent, double MemoryPercent, double? SwapPercent, double Load1, double Load5, double Load15,
    IReadOnlyList<DiskUse> Disks);
