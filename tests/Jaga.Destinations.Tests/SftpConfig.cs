using Jaga.Core.Plan;

namespace Jaga.Destinations.Tests;

/// <summary>The plan's <c>destinations:</c> entry for an SFTP server.</summary>
internal static class SftpConfig
{
    public static Destination Of(string url, string? keyFile = null, string? password = null, string? knownHosts = null, string? fingerprint = null) =>
        new(Path: null, S3: null, Endpoint: null, Region: null, PathStyle: null, AccessKey: null, SecretKey: null,
            Sftp: url, KeyFile: keyFile, Password: password, KnownHosts: knownHosts, Fingerprint: fingerprint);
}
