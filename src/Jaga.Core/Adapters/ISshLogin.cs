using Jaga.Core.Plan;

namespace Jaga.Core.Adapters;

/// <summary>What an <c>ssh</c> check with a <c>user</c> asks of an SSH library: log in, the host key checked as an SFTP
/// destination checks it.</summary>
public interface ISshLogin
{
    /// <summary>Logs in to <paramref name="login"/>'s server and returns the server's identification line
    /// (<c>SSH-2.0-OpenSSH_9.2p1 …</c>). Throws when the host key is not trusted or the login is refused; the message
    /// names <paramref name="check"/> and never the password.</summary>
    /// <param name="check">The check's name, for messages.</param>
    /// <param name="login">Where and how to log in.</param>
    /// <param name="planDirectory">What relative <c>key_file</c> and <c>known_hosts</c> paths are relative to.</param>
    /// <param name="timeout">How long the connection and the login may take.</param>
    /// <param name="ct">Cancels the attempt.</param>
    Task<string> LoginAsync(string check, SshLogin login, string planDirectory, TimeSpan timeout, CancellationToken ct);
}
