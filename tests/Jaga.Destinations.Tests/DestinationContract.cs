using System.Security.Cryptography;
using Jaga.Core.Ports;

namespace Jaga.Destinations.Tests;

/// <summary>What every backup destination must do, run against each one (local, SFTP, S3) as restic runs its backends
/// through one conformance suite. Every read-back is compared byte for byte: a store that frames or re-encodes the upload fails here.</summary>
public abstract class DestinationContract
{
    /// <summary>A destination on a fresh, empty root (its own folder, remote directory or key prefix).</summary>
    protected abstract Task<IBackupDestination> CreateAsync();

    /// <summary>A second client on the same root as <paramref name="first"/>: what the next run, in a new process, would open.</summary>
    protected abstract Task<IBackupDestination> ReopenAsync(IBackupDestination first);

    [Fact]
    public async Task A_committed_object_reads_back_byte_for_byte()
    {
        await using var d = await CreateAsync();
        var data = RandomNumberGenerator.GetBytes(11 * 1024 * 1024 + 123);
        await WriteInUnevenChunksAsync(d, "db_2025-11-15.sql.zst", data);

        var listed = Assert.Single(await d.ListAsync());
        Assert.Equal(new StoredObject("db_2025-11-15.sql.zst", data.Length), listed);
        Assert.Equal(SHA256.HashData(data), await HashOfAsync(d, "db_2025-11-15.sql.zst"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task Small_objects_read_back_exactly(int size)
    {
        await using var d = await CreateAsync();
        var data = RandomNumberGenerator.GetBytes(size);
        await WriteInUnevenChunksAsync(d, "db.manifest.json", data);

        Assert.Equal(size, Assert.Single(await d.ListAsync()).Size);
        Assert.Equal(SHA256.HashData(data), await HashOfAsync(d, "db.manifest.json"));
    }

    [Fact]
    public async Task Nothing_is_visible_under_the_name_before_commit()
    {
        await using var d = await CreateAsync();
        await using var upload = await d.BeginAsync("a.sql");
        await upload.WriteAsync(RandomNumberGenerator.GetBytes(6 * 1024 * 1024));

        Assert.Empty(await d.ListAsync());
        var e = await Assert.ThrowsAsync<DestinationException>(() => d.OpenReadAsync("a.sql"));
        Assert.False(e.Transient);
        await upload.CommitAsync();
        Assert.Single(await d.ListAsync());
    }

    [Fact]
    public async Task Abort_leaves_neither_object_nor_leftover()
    {
        await using var d = await CreateAsync();
        var upload = await d.BeginAsync("a.sql");
        await upload.WriteAsync(RandomNumberGenerator.GetBytes(6 * 1024 * 1024));
        await upload.AbortAsync();
        await upload.DisposeAsync();

        Assert.Empty(await d.ListAsync());
        Assert.Empty(await d.ListLeftoversAsync());
    }

    [Fact]
    public async Task Disposing_an_uncommitted_upload_aborts_it()
    {
        await using var d = await CreateAsync();
        await using (var upload = await d.BeginAsync("a.sql"))
            await upload.WriteAsync(RandomNumberGenerator.GetBytes(1000));

        Assert.Empty(await d.ListAsync());
        Assert.Empty(await d.ListLeftoversAsync());
    }

    [Fact]
    public async Task An_abandoned_upload_is_a_leftover_the_next_client_finds_and_removes()
    {
        await using var d = await CreateAsync();
        // What a kill -9 leaves: an upload neither committed nor aborted.
        var abandoned = await d.BeginAsync("db_2025-11-15.sql.zst");
        await abandoned.WriteAsync(RandomNumberGenerator.GetBytes(6 * 1024 * 1024));
        await abandoned.WriteAsync(RandomNumberGenerator.GetBytes(1024));

        await using var next = await ReopenAsync(d);
        Assert.Empty(await next.ListAsync());
        var leftover = Assert.Single(await next.ListLeftoversAsync());
        Assert.Equal("db_2025-11-15.sql.zst", leftover.Name);

        await next.RemoveLeftoverAsync(leftover);
        Assert.Empty(await next.ListLeftoversAsync());
        Assert.Empty(await next.ListAsync());
    }

    [Fact]
    public async Task Begin_refuses_a_name_that_exists()
    {
        await using var d = await CreateAsync();
        await WriteInUnevenChunksAsync(d, "a.sql", [1, 2, 3]);

        var e = await Assert.ThrowsAsync<DestinationException>(() => d.BeginAsync("a.sql"));
        Assert.False(e.Transient);
        Assert.Equal(d.Name, e.Destination);
        Assert.Equal(new byte[] { 1, 2, 3 }, await ReadAllAsync(d, "a.sql"));
    }

    [Fact]
    public async Task Delete_says_whether_the_object_existed()
    {
        await using var d = await CreateAsync();
        await WriteInUnevenChunksAsync(d, "a.sql", [1]);
        await WriteInUnevenChunksAsync(d, "b.sql", [2]);

        Assert.True(await d.DeleteAsync("a.sql"));
        Assert.False(await d.DeleteAsync("a.sql"));
        Assert.Equal(["b.sql"], (await d.ListAsync()).Select(o => o.Name));
    }

    [Fact]
    public async Task Reading_a_missing_object_is_a_permanent_failure()
    {
        await using var d = await CreateAsync();
        var e = await Assert.ThrowsAsync<DestinationException>(() => d.OpenReadAsync("nope.sql"));
        Assert.False(e.Transient);
    }

    [Fact]
    public async Task Concurrent_uploads_of_different_names_do_not_mix()
    {
        await using var d = await CreateAsync();
        var a = RandomNumberGenerator.GetBytes(7 * 1024 * 1024);
        var b = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
        await Task.WhenAll(WriteInUnevenChunksAsync(d, "a.tar", a), WriteInUnevenChunksAsync(d, "b.tar", b));

        Assert.Equal(SHA256.HashData(a), await HashOfAsync(d, "a.tar"));
        Assert.Equal(SHA256.HashData(b), await HashOfAsync(d, "b.tar"));
        Assert.Equal(["a.tar", "b.tar"], (await d.ListAsync()).Select(o => o.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Description_holds_no_secret()
    {
        await using var d = await CreateAsync();
        foreach (var secret in Secrets) Assert.DoesNotContain(secret, d.Description, StringComparison.Ordinal);
    }

    /// <summary>Passwords and keys this destination was configured with.</summary>
    protected virtual IEnumerable<string> Secrets => [];

    protected static async Task WriteInUnevenChunksAsync(IBackupDestination d, string name, byte[] data)
    {
        await using var upload = await d.BeginAsync(name);
        var offset = 0;
        var sizes = new[] { 1, 65536, 7, 1024 * 1024 + 3, 300_000 };
        for (var i = 0; offset < data.Length; i++)
        {
            var n = Math.Min(sizes[i % sizes.Length], data.Length - offset);
            await upload.WriteAsync(data.AsMemory(offset, n));
            offset += n;
        }
        await upload.CommitAsync();
    }

    protected static async Task<byte[]> HashOfAsync(IBackupDestination d, string name)
    {
        await using var s = await d.OpenReadAsync(name);
        return await SHA256.HashDataAsync(s);
    }

    protected static async Task<byte[]> ReadAllAsync(IBackupDestination d, string name)
    {
        await using var s = await d.OpenReadAsync(name);
        using var m = new MemoryStream();
        await s.CopyToAsync(m);
        return m.ToArray();
    }
}
