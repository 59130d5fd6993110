using Jaga.Core.Ports;
using Jaga.Sftp;
using Jaga.Testing;

namespace Jaga.Destinations.Tests;

/// <summary>Logging in to the SFTP server and deciding whether to trust it, against a real OpenSSH server.</summary>
public sealed class SftpLoginTests(SshServer server) : IClassFixture<SshServer>, IDisposable
{
    private readonly string local = Directory.CreateTempSubdirectory("jaga-sftp-login-").FullName;

    [Fact]
    public async Task A_password_logs_in()
    {
        await using var d = new SftpDestination("offsite", SftpConfig.Of(await UrlAsync(), password: SshServer.Password, fingerprint: server.HostKeyFingerprint), local);

        await ProveItWorksAsync(d);
    }

    [Fact]
    public async Task A_password_in_the_url_logs_in_and_stays_out_of_the_description()
    {
        var url = server.Url(await server.CreateFolderAsync(), SshServer.Password);
        await using var d = new SftpDestination("offsite", SftpConfig.Of(url, fingerprint: server.HostKeyFingerprint), local);

        await ProveItWorksAsync(d);
        Assert.DoesNotContain(SshServer.Password, d.Description, StringComparison.Ordinal);
        Assert.StartsWith($"sftp://{SshServer.User}@{SshServer.Host}:{server.Port}/", d.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_a_permanent_failure_that_does_not_repeat_it()
    {
        const string wrong = "not-the-password-3f9a";
        await using var d = new SftpDestination("offsite", SftpConfig.Of(await UrlAsync(), password: wrong, fingerprint: server.HostKeyFingerprint), local);

        var e = await Assert.ThrowsAsync<DestinationException>(() => d.ListAsync());
        Assert.False(e.Transient);
        Assert.Equal("offsite", e.Destination);
        Assert.Contains($"SFTP login refused for user {SshServer.User} at {SshServer.Host}:{server.Port}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_known_hosts_entry_is_trusted_and_a_relative_path_is_read_from_the_plan_folder()
    {
        await File.WriteAllTextAsync(Path.Combine(local, "known_hosts"), $"# servers\nexample.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n{server.KnownHostsLine}\n");
        await using var d = new SftpDestination("offsite", SftpConfig.Of(await UrlAsync(), keyFile: server.ClientKeyFile, knownHosts: "known_hosts"), local);

        await ProveItWorksAsync(d);
    }

    [Fact]
    public async Task When_known_hosts_lists_only_an_rsa_key_the_server_is_asked_for_that_key()
    {
        // The server also has an ed25519 key, which SSH.NET would otherwise prefer and known_hosts could not vouch for.
        var knownHosts = Path.Combine(local, "known_hosts");
        await File.WriteAllTextAsync(knownHosts, server.RsaKnownHostsLine + "\n");
        await using var d = new SftpDestination("offsite", SftpConfig.Of(await UrlAsync(), keyFile: server.ClientKeyFile, knownHosts: knownHosts), local);

        await ProveItWorksAsync(d);
    }

    [Fact]
    public async Task An_rsa_key_file_logs_in()
    {
        await using var d = new SftpDestination("offsite", SftpConfig.Of(await UrlAsync(), keyFile: server.ClientRsaKeyFile, fingerprint: server.HostKeyFingerprint), local);

        await ProveItWorksAsync(d);
    }

    [Fact]
    public async Task A_hashed_known_hosts_entry_is_trusted()
    {
        var knownHosts = Path.Combine(local, "known_hosts");
        await File.WriteAllTextAsync(knownHosts, server.KnownHostsLine + "\n");
        // ssh-keygen -H writes the |1|salt|hash form that ssh's HashKnownHosts produces.
        var hashed = await ChildProcess.RunAsync("ssh-keygen", ["-H", "-f", knownHosts], TimeSpan.FromSeconds(30));
        Assert.Equal(0, hashed.ExitCode);
        Assert.StartsWith("|1|", await File.ReadAllTextAsync(knownHosts), StringComparison.Ordinal);
        await using var d = new SftpDestination("offsite", SftpConfig.Of(await UrlAsync(), keyFile: server.ClientKeyFile, knownHosts: knownHosts), local);

        await ProveItWorksAsync(d);
    }

    [Fact]
    public async Task A_host_missing_from_known_hosts_is_refused_with_its_fingerprint_and_how_to_pin_it()
    {
        var knownHosts = Path.Combine(local, "known_hosts");
        await File.WriteAllTextAsync(knownHosts, $"[{SshServer.Host}]:1 {server.KnownHostsLine.Split(' ', 2)[1]}\n");
        await using var d = new SftpDestination("offsite", SftpConfig.Of(await UrlAsync(), keyFile: server.ClientKeyFile, knownHosts: knownHosts), local);

        var e = await Assert.ThrowsAsync<DestinationException>(() => d.ListAsync());
        Assert.False(e.Transient);
        Assert.Contains($"is not listed in {knownHosts}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"fingerprint: {server.HostKeyFingerprint}", e.Message, StringComparison.Ordinal);
        Assert.Contains(server.KnownHostsLine, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_host_key_in_known_hosts_is_refused()
    {
        var knownHosts = Path.Combine(local, "known_hosts");
        await File.WriteAllTextAsync(knownHosts, $"[{SshServer.Host}]:{server.Port} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n");
        await using var d = new SftpDestination("offsite", SftpConfig.Of(await UrlAsync(), keyFile: server.ClientKeyFile, knownHosts: knownHosts), local);

        var e = await Assert.ThrowsAsync<DestinationException>(() => d.BeginAsync("a.sql"));
        Assert.False(e.Transient);
        Assert.Contains("does not match", e.Message, StringComparison.Ordinal);
        Assert.Contains(server.HostKeyFingerprint, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_pinned_fingerprint_is_refused_naming_the_real_one()
    {
        const string pinned = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";
        var folder = await server.CreateFolderAsync();
        await using var d = new SftpDestination("offsite", SftpConfig.Of(server.Url(folder + "/backup"), keyFile: server.ClientKeyFile, fingerprint: pinned), local);

        var e = await Assert.ThrowsAsync<DestinationException>(() => d.ListAsync());
        Assert.False(e.Transient);
        Assert.Contains($"is not the pinned one (fingerprint: {pinned})", e.Message, StringComparison.Ordinal);
        Assert.Contains($"ssh-ed25519 key {server.HostKeyFingerprint}", e.Message, StringComparison.Ordinal);
        // Nothing was done on an untrusted server: not even the folder was made.
        Assert.False(Directory.Exists(folder + "/backup"));
    }

    [Fact]
    public async Task A_fingerprint_without_the_prefix_or_with_padding_is_the_same_pin()
    {
        var bare = server.HostKeyFingerprint["SHA256:".Length..] + "=";
        await using var d = new SftpDestination("offsite", SftpConfig.Of(await UrlAsync(), keyFile: server.ClientKeyFile, fingerprint: bare), local);

        await ProveItWorksAsync(d);
    }

    [Theory]
    [InlineData("MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48")]
    [InlineData("SHA256:tooshort")]
    public void A_malformed_fingerprint_is_refused_before_connecting(string fingerprint)
    {
        var e = Assert.Throws<DestinationException>(() => new SftpDestination("offsite", SftpConfig.Of(server.Url("/x"), keyFile: server.ClientKeyFile, fingerprint: fingerprint), local));
        Assert.False(e.Transient);
        Assert.Contains("not a SHA256 host key fingerprint", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_the_server_does_not_know_is_a_refused_login()
    {
        var stranger = Path.Combine(local, "id_ed25519");
        Assert.Equal(0, (await ChildProcess.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", stranger], TimeSpan.FromSeconds(30))).ExitCode);
        await using var d = new SftpDestination("offsite", SftpConfig.Of(await UrlAsync(), keyFile: "id_ed25519", fingerprint: server.HostKeyFingerprint), local);

        var e = await Assert.ThrowsAsync<DestinationException>(() => d.ListAsync());
        Assert.False(e.Transient);
        Assert.Contains("SFTP login refused", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(local, recursive: true);

    private async Task<string> UrlAsync() => server.Url(await server.CreateFolderAsync());

    private static async Task ProveItWorksAsync(IBackupDestination d)
    {
        await using (var upload = await d.BeginAsync("a.sql"))
        {
            await upload.WriteAsync(new byte[] { 1, 2, 3 });
            await upload.CommitAsync();
        }
        Assert.Equal([new StoredObject("a.sql", 3)], await d.ListAsync());
    }
}
