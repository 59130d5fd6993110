using System.Net.Sockets;
using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Jaga.Smtp;

/// <summary>Sends alert e-mails with MailKit: STARTTLS required unless the channel says otherwise, implicit TLS for
/// smtps://, AUTH with the URL's user and password, and a private CA trusted only when the channel names it.</summary>
/// <remarks>Errors are turned into <see cref="AlertDeliveryException"/>s that name the server as host:port and say
/// whether a later try may succeed; the password never appears in them.</remarks>
public sealed class MailKitSmtpSender : ISmtpSender
{
    public async Task SendAsync(AlertEmail email, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        SmtpServerUrl server;
        MimeMessage message;
        try
        {
            server = SmtpServerUrl.Parse(email.Server, email.Tls);
            message = Compose(email);
        }
        catch (Exception e) when (e is ArgumentException or ParseException)
        {
            throw new AlertDeliveryException(e.Message) { Retryable = false };
        }
        using var trust = email.CaFile is null ? null : CaTrust.Load(email.CaFile);
        using var client = new SmtpClient { Timeout = (int)Math.Clamp(email.Timeout.TotalMilliseconds, 1000, int.MaxValue) };
        if (trust is not null) client.ServerCertificateValidationCallback = trust.Validate;
        try
        {
            await client.ConnectAsync(server.Host, server.Port, server.Security, ct);
            if (server.User is not null) await client.AuthenticateAsync(server.User, server.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (Classify(e, server) is { } failure)
        {
            throw failure;
        }
    }

    private static MimeMessage Compose(AlertEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(email.From));
        message.To.AddRange(InternetAddressList.Parse(email.To));
        message.Subject = email.Subject;
        message.Body = new TextPart("plain") { Text = email.Body };
        return message;
    }

    /// <summary>What a failure means for the next try; null for cancellation, which the caller handles.</summary>
    private static AlertDeliveryException? Classify(Exception e, SmtpServerUrl server)
    {
        var at = server.Shown;
        return e switch
        {
            OperationCanceledException => null,
            SslHandshakeException => new AlertDeliveryException($"TLS with {at} failed: the certificate is not trusted or does not name the host (set ca_file for a private CA)", e) { Retryable = false },
            AuthenticationException => new AlertDeliveryException($"{at} refused the login of the smtp URL's user", e) { Retryable = false },
            NotSupportedException when server.Security == SecureSocketOptions.StartTls =>
                new AlertDeliveryException($"{at} does not offer STARTTLS (set tls: when_available or none only for a trusted relay)", e) { Retryable = false },
            SmtpCommandException c => new AlertDeliveryException($"{at} refused the message: {(int)c.StatusCode} {OneLine(c.Message)}", e)
            { Retryable = (int)c.StatusCode is >= 400 and < 500 },
            SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException =>
                new AlertDeliveryException($"{at}: {OneLine(e.Message)}", e),
            _ => null,
        };
    }

    private static string OneLine(string text)
    {
        var nl = text.IndexOfAny(['\r', '\n']);
        return nl < 0 ? text : text[..nl];
    }
}
