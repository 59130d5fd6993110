using Jaga.Core.Monitoring;
using Jaga.Testing;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>The <c>ssh</c> check against the real sshd the SFTP tests use.</summary>
public sealed class SshProbeTests(SshServer server) : IClassFixture<SshServer>
{
    [Fact]
    public async Task The_banner_is_the_body_without_a_login()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: shell\n  ssh: {SshServer.Host}:{server.Port}");
        var seen = await world.ObserveAsync("shell");
        Assert.True(seen.Connected, seen.Error);
        Assert.StartsWith("SSH-2.0-OpenSSH", seen.Body, StringComparison.Ordinal);
        var result = CheckVerdict.Judge(world.Check("shell"), seen, DateTimeOffset.UnixEpoch, world.Plan.Redactor);
        Assert.StartsWith("SSH-2.0-OpenSSH", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_port_is_refused()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: shell\n  ssh: {SshServer.Host}:{Loopback.FreePort()}");
        var seen = await world.ObserveAsync("shell");
        Assert.False(seen.Connected);
        Assert.Equal("connection refused", seen.Error);
    }

    [Fact]
    public async Task A_port_that_is_not_ssh_says_so()
    {
        // sshd's port speaks SSH; a DNS server's TCP port never sends an identification line.
        var dns = new DnsmasqServer();
        await dns.StartAsync();
        try
        {
            await using var world = await ProbeWorld.CreateAsync($"- name: shell\n  ssh: {dns.Address}\n  timeout: 2s");
            var seen = await world.ObserveAsync("shell");
            Assert.False(seen.Connected);
            Assert.NotNull(seen.Error);
        }
        finally
        {
            dns.Stop();
        }
    }

    [Fact]
    public async Task A_login_with_the_password_and_a_pinned_host_key_connects()
    {
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: login
              ssh:
                address: {SshServer.Host}:{server.Port}
                user: {SshServer.User}
                password: "{SshServer.Password}"
                fingerprint: "{server.HostKeyFingerprint}"
            """);
        var seen = await world.ObserveAsync("login");
        Assert.True(seen.Connected, seen.Error);
        Assert.StartsWith("SSH-2.0-OpenSSH", seen.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_with_the_key_file_connects()
    {
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: login
              ssh: {"{"} address: "{SshServer.Host}:{server.Port}", user: {SshServer.User}, key_file: "{server.ClientKeyFile}", fingerprint: "{server.HostKeyFingerprint}" {"}"}
            """);
        var seen = await world.ObserveAsync("login");
        Assert.True(seen.Connected, seen.Error);
    }

    [Fact]
    public async Task A_wrong_password_is_down_and_never_shown()
    {
        const string wrong = "not-the-Pa55word";
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: login
              ssh: {"{"} address: "{SshServer.Host}:{server.Port}", user: {SshServer.User}, password: "{wrong}", fingerprint: "{server.HostKeyFingerprint}" {"}"}
            """);
        var seen = await world.ObserveAsync("login");
        Assert.False(seen.Connected);
        Assert.NotNull(seen.Error);
        Assert.DoesNotContain(wrong, seen.Error, StringComparison.Ordinal);
        var result = CheckVerdict.Judge(world.Check("login"), seen, DateTimeOffset.UnixEpoch, world.Plan.Redactor);
        Assert.Equal(CheckOutcome.Down, result.Outcome);
        Assert.DoesNotContain(wrong, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_key_that_is_not_the_pinned_one_refuses_before_the_password_is_sent()
    {
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: login
              ssh: {"{"} address: "{SshServer.Host}:{server.Port}", user: {SshServer.User}, password: "{SshServer.Password}", fingerprint: "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s" {"}"}
            """);
        var seen = await world.ObserveAsync("login");
        Assert.False(seen.Connected);
        Assert.Contains("not the pinned one", seen.Error, StringComparison.Ordinal);
    }
}
