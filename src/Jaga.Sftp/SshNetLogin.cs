using System.Globalization;
using Jaga.Core.Adapters;
using Jaga.Core.Plan;
using Renci.SshNet;

namespace Jaga.Sftp;

/// <summary>The login of an <c>ssh</c> check: the SFTP destination's connector (host key from <c>fingerprint</c> or
/// known_hosts, then key file and/or password), without opening the SFTP subsystem.</summary>
internal sealed class SshNetLogin : ISshLogin
{
    public async Task<string> LoginAsync(string check, SshLogin login, string planDirectory, TimeSpan timeout, CancellationToken ct)
    {
        var colon = login.Address.LastIndexOf(':');
        var host = login.Address[..colon].Trim('[', ']');
        var port = int.Parse(login.Address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        var target = new SftpTarget(host, port, login.User!, null, "");
        var config = new SftpServer(target.Description, login.KeyFile, login.Password, login.KnownHosts, login.Fingerprint);
        var connector = new SftpConnector(check, target, config, planDirectory);
        using var client = await connector.LogInAsync(info => new SshClient(info), timeout, ct);
        return client.ConnectionInfo.ServerVersion ?? "";
    }
}
