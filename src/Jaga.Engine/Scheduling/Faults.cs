using System.Data.Common;
using System.Net.Sockets;

namespace Jaga.Engine.Scheduling;

/// <summary>Which exceptions mean "the state store is away for now" (retry later) rather than a bug.</summary>
internal static class Faults
{
    public static bool IsStoreFault(Exception e) => e switch
    {
        DbException or SocketException or TimeoutException or IOException => true,
        InvalidOperationException { InnerException: { } inner } => IsStoreFault(inner),
        _ when e.InnerException is { } inner => IsStoreFault(inner),
        _ => false,
    };
}
