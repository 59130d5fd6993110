namespace Jaga.Core.Plan;

/// <summary>A folder on an SFTP server (<c>sftp: sftp://user@host:port/path</c>).</summary>
public sealed record SftpServer(string Sftp, string? KeyFile, string? Password, string? KnownHosts, string? Fingerprint) : Destination
{
    public override string Kind => "sftp";

    public override string Where => Sftp;
}
