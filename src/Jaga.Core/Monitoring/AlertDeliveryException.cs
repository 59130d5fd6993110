namespace Jaga.Core.Monitoring;

/// <summary>An alert that a channel did not take. The message is safe to log: it names the host, never a URL's token
/// or a password.</summary>
public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException()
    {
    }

    public AlertDeliveryException(string message)
        : base(message)
    {
    }

    public AlertDeliveryException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Whether trying again later may succeed (a timeout, HTTP 429 or 5xx, an SMTP 4xx) or not (a refused
    /// login, an untrusted certificate, HTTP 4xx).</summary>
    public bool Retryable { get; init; } = true;
}
