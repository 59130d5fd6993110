using System.Net.Sockets;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>An <c>ssh</c> check. Without <c>user</c>: connect and read the server's identification line, [BODY]
/// (<c>SSH-2.0-OpenSSH_9.2p1 Debian-2</c>), [CONNECTED] when it is one. With <c>user</c>: a full login by the SSH adapter
/// (host key checked, key file and/or password), [CONNECTED] only when the login succeeded.</summary>
internal sealed class SshProbe(SshCheck check, ProbeContext context) : ICheckProbe
{
    /// <summary>RFC 4253 lets a server send lines before its identification; a line is at most 255 bytes.</summary>
    private const int MaxLines = 20;
    private const int MaxLine = 255;

    public Task<CheckObservation> ObserveAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            if (check.Ssh.User is not null)
            {
                var login = context.Adapters.Ssh ?? throw new InvalidOperationException("no SSH adapter: the composition root misses AddSftp");
                var version = await login.LoginAsync(check.Name, check.Ssh, context.Plan.Directory, check.Timeout, token);
                return new CheckObservation(true, elapsed()) { Body = version };
            }
            var (host, port) = HostPortText.Split(check.Ssh.Address);
            using var client = new TcpClient();
            await context.Resolver.ConnectAsync(client, host, port, token);
            var stream = client.GetStream();
            for (var i = 0; i < MaxLines; i++)
            {
                var line = await TextLines.ReadAsync(stream, MaxLine, token);
                if (line is null) break;
                if (!line.StartsWith("SSH-", StringComparison.Ordinal)) continue;
                // Say who we are before leaving, so the server logs a client that went, not a protocol error.
                await TextLines.WriteAsync(stream, "SSH-2.0-Jaga_check", token);
                return new CheckObservation(true, elapsed()) { Body = line };
            }
            return ProbeRun.Failed(elapsed(), "no SSH identification line from the server");
        }, null, ct);
}
