using System.Net.Sockets;
using Jaga.Core.Ports;
using Renci.SshNet.Common;

namespace Jaga.Sftp;

/// <summary>Turns what SSH.NET throws into a <see cref="DestinationException"/>: a lost or refused connection is worth
/// retrying, a refused login or a path the server rejects is not. Messages name the user, host and port, never a password.</summary>
internal static class SftpFailure
{
    /// <summary>Exceptions that pass through unchanged: ours, a cancellation the caller asked for, a caller's mistake.</summary>
    public static bool PassesThrough(Exception e, CancellationToken ct) =>
        e is DestinationException or ArgumentException || (e is OperationCanceledException && ct.IsCancellationRequested);

    /// <param name="destination">The destination's name in the plan.</param>
    /// <param name="target">Where it is.</param>
    /// <param name="e">What went wrong.</param>
    /// <param name="what">What was being done, for the message: "reading db.sql", "listing".</param>
    public static DestinationException From(string destination, SftpTarget target, Exception e, string what)
    {
        var server = $"{target.Host}:{target.Port}";
        return e switch
        {
            DestinationException d => d,
            SshAuthenticationException => new(destination,
                $"{destination}: SFTP login refused for user {target.User} at {server} (check key_file / password and the server's authorized_keys)", false, e),
            SftpPathNotFoundException => new(destination, $"{destination}: {what}: not found in {target.Description}", false, e),
            SftpPermissionDeniedException => new(destination, $"{destination}: {what}: permission denied in {target.Description}", false, e),
            // Any other status the server answers with (failure, bad message, unsupported) is its considered refusal.
            SftpException => new(destination, $"{destination}: {what}: the server refused it ({e.Message})", false, e),
            SocketException s => new(destination, $"{destination}: cannot reach the SFTP server at {server}: {s.Message}", true, e),
            SshConnectionException or SshOperationTimeoutException or SshException or ProxyException or TimeoutException
                or IOException or ObjectDisposedException or OperationCanceledException =>
                new(destination, $"{destination}: {what}: the SFTP connection to {server} failed: {e.Message}", true, e),
            _ => new(destination, $"{destination}: {what}: {e.GetType().Name}: {e.Message}", false, e),
        };
    }
}
