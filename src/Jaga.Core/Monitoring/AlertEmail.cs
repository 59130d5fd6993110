using Jaga.Core.Plan;
namespace Jaga.Core.Monitoring;

/// <summary>One alert e-mail, as a notify channel describes its server and recipients.</summary>
/// <param name="Server">The channel's <c>smtp://user:password@host:port</c> or <c>smtps://…</c> URL (a secret).</param>
/// <param name="Tls">For smtp://: <c>starttls</c> (required), <c>when_available</c> or <c>none</c>.</param>
/// <param name="CaFile">Full path of a PEM file with the CA that signed the server's certificate, or null for the system's CAs.</param>
/// <param name="From">The sender address.</param>
/// <param name="To">Recipient addresses, comma-separated.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">The plain-text body.</param>
/// <param name="Timeout">How long the whole conversation with the server may take.</param>
public sealed record AlertEmail(string Server, TlsMode Tls, string? CaFile, string From, string To, string Subject, string Body, TimeSpan Timeout)
{
    /// <summary>The record without its server URL, so printing it never shows the password.</summary>
    public override string ToString() => $"AlertEmail {{ To = {To}, Subject = {Subject} }}";
}
