using System.Security.Cryptography;
using Amazon.S3.Model;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Integration;

/// <summary>A plan's three destinations: a local folder, a fresh folder on the SSH server and a fresh bucket on the S3
/// store, with the .env lines their secrets come from, and ways to look at what each holds.</summary>
public sealed class RemoteDestinations
{
    public const string S3Prefix = "jaga/db";

    private readonly SshServer ssh;
    private readonly SwiftServer swift;

    private RemoteDestinations(SshServer ssh, SwiftServer swift, string sftpFolder, string bucket)
    {
        this.ssh = ssh;
        this.swift = swift;
        SftpFolder = sftpFolder;
        Bucket = bucket;
    }

    /// <summary>The SFTP destination's folder: the server is this machine, so the test can look into it directly.</summary>
    public string SftpFolder { get; }

    public string Bucket { get; }

    public string SftpUrl => ssh.Url(SftpFolder);

    public string S3Url => $"s3://{Bucket}/{S3Prefix}";

    /// <summary>The <c>destinations:</c> block; secrets come from the .env (<see cref="Env"/>).</summary>
    public string Yaml => $$"""
        destinations:
          local: { path: backup/ }
          sftp: { sftp: "{{SftpUrl}}", password: "${SFTP_PASSWORD}", fingerprint: "{{ssh.HostKeyFingerprint}}" }
          s3: { s3: "{{S3Url}}", endpoint: "${S3_ENDPOINT}", region: {{SwiftServer.Region}}, path_style: true, access_key: "${S3_KEY}", secret_key: "${S3_SECRET}" }
        """;

    public string Env => $"SFTP_PASSWORD={SshServer.Password}\nS3_ENDPOINT={swift.Endpoint}\nS3_KEY={SwiftServer.AccessKey}\nS3_SECRET={SwiftServer.SecretKey}\n";

    /// <summary>The secrets the plan's destinations use: none may be printed or logged.</summary>
    public static IEnumerable<string> Secrets => [SshServer.Password, SwiftServer.SecretKey];

    public static async Task<RemoteDestinations> CreateAsync(SshServer ssh, SwiftServer swift) =>
        new(ssh, swift, await ssh.CreateFolderAsync(), await swift.CreateBucketAsync());

    /// <summary>File names in the SFTP folder.</summary>
    public IReadOnlyList<string> SftpNames() => [.. Directory.GetFiles(SftpFolder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>Object names under the S3 prefix.</summary>
    public async Task<IReadOnlyList<string>> S3NamesAsync()
    {
        using var client = swift.CreateClient();
        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = S3Prefix + "/" });
        return [.. (listed.S3Objects ?? []).Select(o => o.Key[(S3Prefix.Length + 1)..]).Order(StringComparer.Ordinal)];
    }

    public async Task<string> S3Sha256Async(string name)
    {
        using var client = swift.CreateClient();
        using var response = await client.GetObjectAsync(Bucket, $"{S3Prefix}/{name}");
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(response.ResponseStream));
    }

    public string SftpSha256(string name) => FileSha256(Path.Combine(SftpFolder, name));

    public static string FileSha256(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }
}
