using Jaga.Core.Ports;
using Jaga.Sftp;
using Jaga.Testing;

namespace Jaga.Destinations.Tests;

/// <summary>The SFTP server going away and coming back: failures are transient, and the destination reconnects.</summary>
public sealed class SftpOutageTests(SshServer server) : IClassFixture<SshServer>, IAsyncLifetime
{
    public Task InitializeAsync() => server.StartAsync();

    // A test that fails halfway must not leave the next one without a server.
    public Task DisposeAsync() => server.StartAsync();

    [Fact]
    public async Task A_stopped_server_is_a_transient_failure_and_the_next_call_after_it_returns_reconnects()
    {
        await using var d = await CreateAsync();
        await using (var upload = await d.BeginAsync("a.sql"))
        {
            await upload.WriteAsync(new byte[] { 1 });
            await upload.CommitAsync();
        }

        server.Stop();
        var e = await Assert.ThrowsAsync<DestinationException>(() => d.ListAsync());
        Assert.True(e.Transient, e.ToString());
        var refused = await Assert.ThrowsAsync<DestinationException>(() => d.ListAsync());
        Assert.True(refused.Transient, refused.ToString());

        await server.StartAsync();
        Assert.Equal([new StoredObject("a.sql", 1)], await d.ListAsync());
    }

    [Fact]
    public async Task A_server_that_is_down_from_the_start_is_a_transient_failure()
    {
        await using var d = await CreateAsync();
        server.Stop();

        var e = await Assert.ThrowsAsync<DestinationException>(() => d.BeginAsync("a.sql"));
        Assert.True(e.Transient, e.ToString());
        Assert.Contains($"{SshServer.Host}:{server.Port}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_cut_off_by_the_server_going_down_fails_transiently_and_is_a_leftover_once_it_is_back()
    {
        await using var d = await CreateAsync();
        var upload = await d.BeginAsync("db.sql");
        await upload.WriteAsync(new byte[256 * 1024]);

        server.Stop();
        var e = await Assert.ThrowsAnyAsync<DestinationException>(async () =>
        {
            await upload.WriteAsync(new byte[256 * 1024]);
            await upload.CommitAsync();
        });
        Assert.True(e.Transient, e.ToString());
        // Disposing cannot delete the temporary file while the server is down, and does not throw.
        await upload.DisposeAsync();

        await server.StartAsync();
        Assert.Empty(await d.ListAsync());
        var leftover = Assert.Single(await d.ListLeftoversAsync());
        Assert.Equal("db.sql", leftover.Name);
        await d.RemoveLeftoverAsync(leftover);
        Assert.Empty(await d.ListLeftoversAsync());
    }

    private async Task<IBackupDestination> CreateAsync() => new SftpDestination("offsite",
        SftpConfig.Of(server.Url(await server.CreateFolderAsync()), keyFile: server.ClientKeyFile, fingerprint: server.HostKeyFingerprint), "/");
}
