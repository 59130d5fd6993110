using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Sftp;
using Jaga.Testing;

namespace Jaga.Destinations.Tests;

/// <summary>The destination contract against a real OpenSSH server, logging in with a key and pinning the host key's fingerprint.</summary>
public sealed class SftpDestinationTests(SshServer server) : DestinationContract, IClassFixture<SshServer>
{
    private string? root;
    private SftpServer? config;

    protected override async Task<IBackupDestination> CreateAsync()
    {
        // Two levels that do not exist yet: the destination makes them (mkdir -p).
        root = Path.Combine(await server.CreateFolderAsync(), "backups", "db");
        config = SftpConfig.Of(server.Url(root), keyFile: server.ClientKeyFile, fingerprint: server.HostKeyFingerprint);
        return new SftpDestination("offsite", config, "/");
    }

    protected override Task<IBackupDestination> ReopenAsync(IBackupDestination first) =>
        Task.FromResult<IBackupDestination>(new SftpDestination("offsite", config!, "/"));

    protected override IEnumerable<string> Secrets =>
        File.ReadAllLines(server.ClientKeyFile).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Append(SshServer.Password);

    [Fact]
    public async Task A_commit_leaves_only_the_object_in_the_remote_folder()
    {
        await using var d = await CreateAsync();
        await WriteInUnevenChunksAsync(d, "db_2025-11-15.sql", [1, 2, 3]);

        // The server is this machine: its folder can be looked at directly.
        Assert.Equal(["db_2025-11-15.sql"], Directory.GetFileSystemEntries(root!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_description_is_the_url_without_secrets()
    {
        await using var d = await CreateAsync();

        Assert.Equal($"sftp://{SshServer.User}@{SshServer.Host}:{server.Port}{root}", d.Description);
    }

    [Fact]
    public async Task An_upload_in_progress_is_a_hidden_partial_file_and_a_leftover_with_its_start_time()
    {
        await using var d = await CreateAsync();
        var before = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 1);
        await using var upload = await d.BeginAsync("db.sql");
        await upload.WriteAsync(new byte[1000]);

        var partial = Assert.Single(Directory.GetFiles(root!).Select(Path.GetFileName));
        Assert.Matches(@"^\.db\.sql\.[0-9a-f]{8}\.jaga-partial$", partial);
        var leftover = Assert.Single(await d.ListLeftoversAsync());
        Assert.Equal(new Leftover("db.sql", partial!, leftover.Started), leftover);
        Assert.InRange(leftover.Started!.Value, before, TimeProvider.System.GetUtcNow().AddSeconds(1));
    }

    [Fact]
    public async Task Folders_and_other_non_files_are_not_listed()
    {
        await using var d = await CreateAsync();
        await WriteInUnevenChunksAsync(d, "a.sql", [1]);
        Directory.CreateDirectory(Path.Combine(root!, "sub"));
        File.CreateSymbolicLink(Path.Combine(root!, "link.sql"), Path.Combine(root!, "a.sql"));

        Assert.Equal(["a.sql"], (await d.ListAsync()).Select(o => o.Name));
    }

    [Fact]
    public async Task Names_that_would_leave_the_folder_are_refused()
    {
        await using var d = await CreateAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => d.BeginAsync("../x"));
        await Assert.ThrowsAsync<ArgumentException>(() => d.BeginAsync(".hidden"));
        await Assert.ThrowsAsync<ArgumentException>(() => d.RemoveLeftoverAsync(new Leftover("x", "../.x.00000000.jaga-partial", null)));
    }
}
