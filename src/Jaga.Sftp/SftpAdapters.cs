using Jaga.Core.Adapters;
using Jaga.Core.Plan;

namespace Jaga.Sftp;

/// <summary>Adds the <c>sftp:</c> destination and the login of <c>ssh</c> checks; relative <c>key_file</c> and <c>known_hosts</c> paths are read from the
/// plan's folder.</summary>
public static class SftpAdapters
{
    public static AdapterSet AddSftp(this AdapterSet adapters) =>
        adapters.AddDestination<SftpServer>((name, server, plan, _) => new SftpDestination(name, server, plan.Directory)).AddSsh(new SshNetLogin());
}
