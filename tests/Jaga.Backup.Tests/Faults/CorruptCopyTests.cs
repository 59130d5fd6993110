using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Faults;

/// <summary>One byte flipped in one copy of a backup kept at a local folder, an SFTP server and an S3 bucket.</summary>
[Collection(FaultServers.Name)]
public sealed class CorruptCopyTests(SshServer ssh, SwiftServer swift) : IAsyncLifetime, IDisposable
{
    private readonly FaultWorkspace ws = new();
    private string remote = "";
    private string bucket = "";

    public async Task InitializeAsync()
    {
        await ssh.StartAsync();
        await swift.StartAsync();
        remote = await ssh.CreateFolderAsync();
        bucket = await swift.CreateBucketAsync();
        ws.WriteRandomData(files: 2, megabytesEach: 1);
        ws.WritePlan(DestinationLines.Sftp("offsite", ssh, remote) + "\n" + DestinationLines.S3("cloud", swift, bucket), """
              - name: files
                source: { files: [data/] }
                schedule: "0 2 * * *"
                to: [local, offsite, cloud]
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => ws.Dispose();

    [Theory]
    [InlineData("local")]
    [InlineData("offsite")]
    [InlineData("cloud")]
    public async Task A_flipped_byte_in_one_copy_fails_verify_naming_it_marks_it_corrupt_and_restore_uses_a_good_copy(string corrupted)
    {
        var run = await ws.JagaAsync("backup", "run", "files");
        Assert.True(run.Code == 0, run.ToString());
        var record = Assert.Single(await ws.ListAsync())!;
        var id = (string)record["id"]!;
        await FlipMiddleByteAsync(corrupted, (string)record["artifact"]!);

        var verify = await ws.JagaAsync("backup", "verify", id);

        Assert.True(verify.Code == 1, verify.ToString());
        Assert.Contains($"{corrupted}: ", verify.Out, StringComparison.Ordinal);
        var line = Assert.Single(ws.LogLines(), l => l.Contains("[ERROR]", StringComparison.Ordinal));
        Assert.Contains("Backup verification FAILED", line, StringComparison.Ordinal);
        Assert.Contains($"{corrupted}: ", line, StringComparison.Ordinal);
        var copies = Assert.Single(await ws.ListAsync())!["copies"]!.AsArray().ToDictionary(c => (string)c!["destination"]!, c => (string)c!["state"]!);
        Assert.Equal("corrupt", copies[corrupted]);
        Assert.All(copies.Where(c => c.Key != corrupted), c => Assert.Equal("stored", c.Value));

        var into = Path.Combine(ws.Dir, "restored");
        var restore = await ws.JagaAsync("backup", "restore", id, "--into", into, "--yes", "--json");

        Assert.True(restore.Code == 0, restore.ToString());
        var from = (string)JsonNode.Parse(restore.Out)!["from"]!;
        Assert.NotEqual(corrupted, from);
        foreach (var original in Directory.GetFiles(ws.Data))
        {
            var copy = Assert.Single(Directory.GetFiles(into, Path.GetFileName(original), SearchOption.AllDirectories));
            Assert.Equal(await File.ReadAllBytesAsync(original), await File.ReadAllBytesAsync(copy));
        }
    }

    private async Task FlipMiddleByteAsync(string destination, string artifact)
    {
        switch (destination)
        {
            case "local":
                Flip(Path.Combine(ws.Local, artifact));
                break;
            case "offsite":
                Flip(Path.Combine(remote, artifact));
                break;
            default:
                using (var client = swift.CreateClient())
                {
                    var key = DestinationLines.S3Prefix + artifact;
                    using var stored = new MemoryStream();
                    using (var get = await client.GetObjectAsync(bucket, key)) await get.ResponseStream.CopyToAsync(stored);
                    var bytes = stored.ToArray();
                    bytes[bytes.Length / 2] ^= 0xFF;
                    await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(bytes), UseChunkEncoding = false });
                }
                break;
        }
    }

    private static void Flip(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        f.Position = f.Length / 2;
        var b = f.ReadByte();
        f.Position = f.Length / 2;
        f.WriteByte((byte)(b ^ 0xFF));
    }
}
