using Jaga.Core.Monitoring;

namespace Jaga.Core.Ports;

/// <summary>Sends one alert e-mail (Jaga.Smtp implements it with MailKit).</summary>
public interface ISmtpSender
{
    /// <exception cref="AlertDeliveryException">The server could not be reached or refused the message.</exception>
    Task SendAsync(AlertEmail email, CancellationToken ct = default);
}
