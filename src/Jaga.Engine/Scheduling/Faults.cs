using Jaga.Core.Errors;

namespace Jaga.Engine.Scheduling;

/// <summary>Which exceptions mean "the state store is away for now" (retry later) rather than a bug: both stores raise
/// <see cref="StoreUnavailableException"/> for those, and only for those.</summary>
internal static class Faults
{
    public static bool IsStoreFault(Exception e) => e is StoreUnavailableException;
}
