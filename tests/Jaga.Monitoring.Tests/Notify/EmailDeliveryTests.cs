using System.Diagnostics;
using Jaga.Testing;

namespace Jaga.Monitoring.Tests.Notify;

/// <summary>Alert e-mail through a real SMTP server (smtp4dev), read back through its API: plain on loopback, and
/// STARTTLS with a login and a certificate from a test CA that the channel's <c>ca_file</c> names.</summary>
public sealed class EmailDeliveryTests(Smtp4devServers servers) : IClassFixture<Smtp4devServers>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_down_alert_arrives_by_email_with_its_reason()
    {
        var smtp = servers.Plain;
        await using var ws = await NotifyWorkspace.CreateAsync(
            $"  mail: {{ email: ops@example.com, smtp: \"smtp://{Smtp4devServer.Host}:{smtp.SmtpPort}\", tls: none, from: jaga@tokoku.test }}\n");

        ws.Dispatcher.Enqueue(Alerts.Down("plain-api", "mail"));
        var mail = await smtp.WaitForAsync("plain-api", Wait);

        Assert.Equal("[tokoku] plain-api is DOWN", mail.Subject);
        Assert.Contains("ops@example.com", mail.To);
        var text = await smtp.PlainTextAsync(mail.Id);
        Assert.Contains("Reason: [STATUS] == 200 failed: 503", text, StringComparison.Ordinal);
        Assert.Contains("Runbook: restart-api", text, StringComparison.Ordinal);
        var line = (await ws.WaitForLinesAsync("sent to mail by email", 1, Wait)).Single();
        Assert.Contains("[INFO]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starttls_with_a_private_ca_and_a_login_delivers()
    {
        var smtp = servers.Secure;
        await using var ws = await NotifyWorkspace.CreateAsync(
            $"  mail: {{ email: ops@example.com, smtp: \"smtp://alice:s3cret-pw@{Smtp4devServer.Host}:{smtp.SmtpPort}\", ca_file: \"{smtp.CaFile}\" }}\n");

        ws.Dispatcher.Enqueue(Alerts.Down("tls-api", "mail"));
        var mail = await smtp.WaitForAsync("tls-api", Wait);

        Assert.Contains("Reason: [STATUS] == 200 failed: 503", await smtp.PlainTextAsync(mail.Id), StringComparison.Ordinal);
        await ws.WaitForLinesAsync("sent to mail by email", 1, Wait);
        var entry = Assert.Single(await ws.AuditAsync("notify."));
        Assert.Equal("notify.sent", entry.Kind);
    }

    [Fact]
    public async Task Without_the_private_ca_the_certificate_is_refused_and_not_retried()
    {
        var smtp = servers.Secure;
        await using var ws = await NotifyWorkspace.CreateAsync(
            $"  mail: {{ email: ops@example.com, smtp: \"smtp://alice:s3cret-pw@{Smtp4devServer.Host}:{smtp.SmtpPort}\" }}\n");

        ws.Dispatcher.Enqueue(Alerts.Down("untrusted-api", "mail"));
        var line = (await ws.WaitForLinesAsync("FAILED", 1, Wait)).Single();

        Assert.Contains("after 1 attempt(s)", line, StringComparison.Ordinal);
        Assert.Contains("certificate is not trusted", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", line, StringComparison.Ordinal);
        Assert.DoesNotContain((await smtp.MessagesAsync()), m => m.Subject.Contains("untrusted-api", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_fails_once_without_showing_it()
    {
        var smtp = servers.Secure;
        await using var ws = await NotifyWorkspace.CreateAsync(
            $"  mail: {{ email: ops@example.com, smtp: \"smtp://alice:not-the-pw@{Smtp4devServer.Host}:{smtp.SmtpPort}\", ca_file: \"{smtp.CaFile}\" }}\n");

        ws.Dispatcher.Enqueue(Alerts.Down("badlogin-api", "mail"));
        var line = (await ws.WaitForLinesAsync("FAILED", 1, Wait)).Single();

        Assert.Contains("refused the login", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-pw", line, StringComparison.Ordinal);
        var entry = Assert.Single(await ws.AuditAsync("notify."));
        Assert.DoesNotContain("not-the-pw", string.Join(" ", entry.Data.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_webhook_does_not_delay_the_email()
    {
        await using var hanging = await HttpSink.StartAsync();
        hanging.Hang = TimeSpan.FromMinutes(1);
        var smtp = servers.Plain;
        var policy = NotifyWorkspace.FastPolicy with { AttemptTimeout = TimeSpan.FromMinutes(2) };
        await using var ws = await NotifyWorkspace.CreateAsync(
            $"  oncall: {{ webhook: \"{hanging.Url}/hook\", email: ops@example.com, smtp: \"smtp://{Smtp4devServer.Host}:{smtp.SmtpPort}\", tls: none }}\n", policy);

        var clock = Stopwatch.StartNew();
        ws.Dispatcher.Enqueue(Alerts.Down("hang-api", "oncall"));
        var enqueued = clock.Elapsed;
        await smtp.WaitForAsync("hang-api", Wait);
        var arrived = clock.Elapsed;

        Assert.True(enqueued < TimeSpan.FromMilliseconds(50), $"enqueue took {enqueued.TotalMilliseconds:0} ms");
        Assert.True(arrived < TimeSpan.FromSeconds(5), $"the e-mail took {arrived.TotalSeconds:0.0} s");
        // The webhook's request may reach the sink just after the e-mail arrived (its route runs on its own): wait for
        // it, then it must be the only one, still hanging.
        var waited = Stopwatch.StartNew();
        while (hanging.Attempts == 0 && waited.Elapsed < Wait) await Task.Delay(20);
        Assert.Equal(1, hanging.Attempts);
        Assert.Empty(hanging.Delivered);
    }
}
