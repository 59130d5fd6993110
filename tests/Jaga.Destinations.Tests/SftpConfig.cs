using Jaga.Core.Plan;

namespace Jaga.Destinations.Tests;

/// <summary>The plan's <c>destinations:</c> entry for an SFTP server.</summary>
internal static class SftpConfig
{
    public static SftpServer Of(string url, string? keyFile = null, string? password = null, string? knownHosts = null, string? fingerprint = null) =>
        new(Sftp: url, KeyFile: keyFile, Password: password, KnownHosts: knownHosts, Fingerprint: fingerprint);
}
