using Jaga.Testing;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>The <c>starttls</c> check over IMAP, against a real dovecot with a certificate from a test CA.</summary>
public sealed class ImapStarttlsProbeTests(DovecotServer imap) : IClassFixture<DovecotServer>
{
    [Fact]
    public async Task Imap_starttls_measures_the_certificate()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: mail\n  starttls: imap://{DovecotServer.Host}:{imap.Port}\n  insecure: true");
        var seen = await world.ObserveAsync("mail");
        Assert.True(seen.Connected, seen.Error);
        Assert.InRange(seen.CertificateExpiration!.Value, TimeSpan.FromHours(23), TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task Imap_certificate_from_an_unknown_ca_does_not_validate()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: mail\n  starttls: imap://{DovecotServer.Host}:{imap.Port}");
        var seen = await world.ObserveAsync("mail");
        Assert.False(seen.Connected);
        Assert.StartsWith("TLS validation failed: ", seen.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_spoken_to_an_imap_server_is_down_with_its_greeting()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: mail\n  starttls: smtp://{DovecotServer.Host}:{imap.Port}\n  timeout: 3s");
        var seen = await world.ObserveAsync("mail");
        Assert.False(seen.Connected);
        Assert.StartsWith("SMTP: unexpected greeting '* OK", seen.Error, StringComparison.Ordinal);
    }
}
