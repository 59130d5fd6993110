namespace Jaga.Core.Plan;

/// <summary>How an <c>smtp://</c> channel secures its connection (<c>tls:</c>).</summary>
public enum TlsMode
{
    /// <summary>Require STARTTLS: a server that does not offer it is an error.</summary>
    Starttls,

    /// <summary>Use STARTTLS when the server offers it.</summary>
    WhenAvailable,

    /// <summary>Never (loopback relays only).</summary>
    None,
}
