using System.Net.Sockets;
using Npgsql;

namespace Jaga.Postgres;

/// <summary>Which PostgreSQL failures mean "the state store is away for now": the server cannot be reached or the
/// connection broke (refused, reset, timed out, an I/O error on it), or the server says it is shutting down, starting up
/// or out of connections. A statement the server refuses for any other reason is not transient and is left as it is.</summary>
internal static class PostgresFailures
{
    public static bool Unavailable(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections,
        // Npgsql's own errors: transient when the connection failed (socket, I/O, timeout).
        NpgsqlException n => n.IsTransient || n.InnerException is SocketException or IOException or TimeoutException,
        SocketException or TimeoutException => true,
        _ => false,
    };
}
