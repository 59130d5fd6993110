using Jaga.Core.Errors;

namespace Jaga.Engine.Scheduling;

/// <summary>Which exceptions mean "the record is away for now" (retry later) rather than a bug: both stores raise
/// <see cref="StoreUnavailableException"/> for those, and only for those; the maintenance log file, the journal's other
/// half, fails with an <see cref="IOException"/> (its lock held too long by another process, a full disk).</summary>
internal static class Faults
{
    public static bool IsStoreFault(Exception e) => e is StoreUnavailableException or IOException;
}
