using Jaga.Testing;

namespace Jaga.Backup.Tests.Faults;

/// <summary>The plan's <c>destinations:</c> lines for the test servers, indented for <see cref="FaultWorkspace.WritePlan"/>.</summary>
public static class DestinationLines
{
    public const string S3Prefix = "jaga/";

    public static string S3(string name, SwiftServer swift, string bucket) =>
        $"  {name}: {{ s3: \"s3://{bucket}/{S3Prefix.TrimEnd('/')}\", endpoint: \"{swift.Endpoint}\", region: {SwiftServer.Region}, path_style: true, access_key: \"{SwiftServer.AccessKey}\", secret_key: \"{SwiftServer.SecretKey}\" }}";

    public static string Sftp(string name, SshServer ssh, string folder) =>
        $"  {name}: {{ sftp: \"{ssh.Url(folder)}\", key_file: \"{ssh.ClientKeyFile}\", fingerprint: \"{ssh.HostKeyFingerprint}\" }}";
}
