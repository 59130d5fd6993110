using System.Net.Sockets;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>A <c>starttls</c> check: the mail server's plain greeting, the upgrade (SMTP <c>EHLO</c> then
/// <c>STARTTLS</c>, or IMAP <c>STARTTLS</c>), then the TLS handshake of a <c>tls</c> check: [CONNECTED] and
/// [CERTIFICATE_EXPIRATION]. A server that does not offer STARTTLS is down, with what it answered.</summary>
internal sealed class StarttlsProbe(StarttlsCheck check, ProbeContext context) : ICheckProbe
{
    public const int SmtpPort = 587;
    public const int ImapPort = 143;
    private const int MaxLine = 4096;
    private const int MaxLines = 100;

    public Task<CheckObservation> ObserveAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var url = new Uri(check.Starttls);
            var imap = url.Scheme == "imap";
            var host = url.Host.Trim('[', ']');
            var port = url.IsDefaultPort || url.Port <= 0 ? imap ? ImapPort : SmtpPort : url.Port;
            using var client = new TcpClient();
            await context.Resolver.ConnectAsync(client, host, port, token);
            var stream = client.GetStream();
            var refused = imap ? await ImapAsync(stream, token) : await SmtpAsync(stream, token);
            if (refused is not null) return ProbeRun.Failed(elapsed(), refused);
            return await TlsProbe.HandshakeAsync(stream, host, check.Insecure, context.Clock, elapsed, token);
        }, null, ct);

    /// <summary>Greeting, EHLO, STARTTLS; null when the server is ready for the handshake, else why not.</summary>
    private static async Task<string?> SmtpAsync(Stream stream, CancellationToken ct)
    {
        var greeting = await SmtpReplyAsync(stream, ct);
        if (!greeting.StartsWith("220", StringComparison.Ordinal)) return $"SMTP: unexpected greeting '{FirstLine(greeting)}'";
        await TextLines.WriteAsync(stream, "EHLO jaga.invalid", ct);
        var ehlo = await SmtpReplyAsync(stream, ct);
        if (!ehlo.StartsWith("250", StringComparison.Ordinal)) return $"SMTP: EHLO refused: '{FirstLine(ehlo)}'";
        if (!ehlo.Split('\n').Any(l => l.Length > 4 && l[4..].Trim().Equals("STARTTLS", StringComparison.OrdinalIgnoreCase)))
            return "SMTP: the server does not offer STARTTLS";
        await TextLines.WriteAsync(stream, "STARTTLS", ct);
        var ready = await SmtpReplyAsync(stream, ct);
        return ready.StartsWith("220", StringComparison.Ordinal) ? null : $"SMTP: STARTTLS refused: '{FirstLine(ready)}'";
    }

    /// <summary>One SMTP reply: its lines (<c>250-…</c> continues, <c>250 …</c> ends) joined by newlines.</summary>
    private static async Task<string> SmtpReplyAsync(Stream stream, CancellationToken ct)
    {
        var lines = new List<string>();
        for (var i = 0; i < MaxLines; i++)
        {
            var line = await TextLines.ReadAsync(stream, MaxLine, ct) ?? throw new IOException("the server closed the connection");
            lines.Add(line);
            if (line.Length < 4 || line[3] != '-') break;
        }
        return string.Join('\n', lines);
    }

    /// <summary>Greeting, then <c>J1 STARTTLS</c>; null when the server said OK to it.</summary>
    private static async Task<string?> ImapAsync(Stream stream, CancellationToken ct)
    {
        var greeting = await TextLines.ReadAsync(stream, MaxLine, ct) ?? throw new IOException("the server closed the connection");
        if (!greeting.StartsWith("* OK", StringComparison.OrdinalIgnoreCase)) return $"IMAP: unexpected greeting '{greeting}'";
        await TextLines.WriteAsync(stream, "J1 STARTTLS", ct);
        for (var i = 0; i < MaxLines; i++)
        {
            var line = await TextLines.ReadAsync(stream, MaxLine, ct) ?? throw new IOException("the server closed the connection");
            if (!line.StartsWith("J1 ", StringComparison.Ordinal)) continue;
            return line.StartsWith("J1 OK", StringComparison.OrdinalIgnoreCase) ? null : $"IMAP: STARTTLS refused: '{line}'";
        }
        return "IMAP: no answer to STARTTLS";
    }

    private static string FirstLine(string reply) => reply.Split('\n', 2)[0];
}
