using Jaga.Core.Monitoring;
using Jaga.Core.Redaction;
using Jaga.Monitoring.Tests.Notify;
using Jaga.Testing;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>The <c>starttls</c> check against real smtp4dev servers: one with STARTTLS (a certificate from a test CA,
/// valid for a day), one without.</summary>
public sealed class StarttlsProbeTests(Smtp4devServers smtp) : IClassFixture<Smtp4devServers>
{
    [Fact]
    public async Task Smtp_starttls_measures_the_certificate()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: mail\n  starttls: smtp://{Smtp4devServer.Host}:{smtp.Secure.SmtpPort}\n  insecure: true");
        var seen = await world.ObserveAsync("mail");
        Assert.True(seen.Connected, seen.Error);
        Assert.InRange(seen.CertificateExpiration!.Value, TimeSpan.FromHours(23), TimeSpan.FromDays(1));
        // Valid for a day: the default condition wants more than 7d.
        var result = CheckVerdict.Judge(world.Check("mail"), seen, DateTimeOffset.UnixEpoch, Redactor.None);
        Assert.Equal(CheckOutcome.Down, result.Outcome);
        Assert.StartsWith("[CERTIFICATE_EXPIRATION] > 7d failed: [CERTIFICATE_EXPIRATION] was 23h", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_from_an_unknown_ca_does_not_validate()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: mail\n  starttls: smtp://{Smtp4devServer.Host}:{smtp.Secure.SmtpPort}");
        var seen = await world.ObserveAsync("mail");
        Assert.False(seen.Connected);
        Assert.StartsWith("TLS validation failed: ", seen.Error, StringComparison.Ordinal);
        Assert.NotNull(seen.CertificateExpiration);
    }

    [Fact]
    public async Task A_server_without_starttls_is_down_and_says_so()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: mail\n  starttls: smtp://{Smtp4devServer.Host}:{smtp.Plain.SmtpPort}\n  insecure: true");
        var seen = await world.ObserveAsync("mail");
        Assert.False(seen.Connected);
        Assert.Equal("SMTP: the server does not offer STARTTLS", seen.Error);
    }
}
