using Jaga.Core.Plan;
using System.Globalization;
using MailKit.Security;

namespace Jaga.Smtp;

/// <summary>A notify channel's <c>smtp://user:password@host:port</c> (or <c>smtps://</c>) read into what MailKit needs.</summary>
/// <param name="Host">The server's host name or address.</param>
/// <param name="Port">The port: as written, or 587 for smtp:// and 465 for smtps://.</param>
/// <param name="User">The login user, or null for no AUTH.</param>
/// <param name="Password">The login password (a secret: never shown).</param>
/// <param name="Security">Implicit TLS, required STARTTLS, STARTTLS when offered, or none.</param>
internal sealed record SmtpServerUrl(string Host, int Port, string? User, string? Password, SecureSocketOptions Security)
{
    /// <summary>How the server is named in messages: host and port only.</summary>
    public string Shown => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    public override string ToString() => Shown;

    /// <exception cref="ArgumentException">Not an smtp:// or smtps:// URL; the message has no password.</exception>
    public static SmtpServerUrl Parse(string url, TlsMode tls)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps") || uri.Host.Length == 0)
            throw new ArgumentException("the smtp setting is not an smtp:// or smtps:// URL with a host", nameof(url));
        var implicitTls = uri.Scheme == "smtps";
        var security = implicitTls ? SecureSocketOptions.SslOnConnect : tls switch
        {
            TlsMode.Starttls => SecureSocketOptions.StartTls,
            TlsMode.WhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
            TlsMode.None => SecureSocketOptions.None,
        };
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? "" : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (implicitTls ? 465 : 587) : uri.Port;
        return new SmtpServerUrl(uri.Host, port, user, password, security);
    }
}
