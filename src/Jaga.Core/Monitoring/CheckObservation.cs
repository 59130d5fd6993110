namespace Jaga.Core.Monitoring;

/// <summary>What one probe of a check saw, before any condition is applied: the values Gatus-style conditions read.</summary>
/// <param name="Connected">[CONNECTED]: the target answered at all (TCP connect, TLS handshake, a database login, a process found).</param>
/// <param name="ResponseTime">[RESPONSE_TIME]: from the start of the probe to its answer.</param>
public sealed record CheckObservation(bool Connected, TimeSpan ResponseTime)
{
    /// <summary>[STATUS]: the HTTP status code.</summary>
    public int? Status { get; init; }

    /// <summary>[BODY]: the response body (HTTP), the plugin's output (command), as text; capped by the probe.</summary>
    public string? Body { get; init; }

    /// <summary>[CERTIFICATE_EXPIRATION]: time left until the server certificate expires (http over TLS, tls).</summary>
    public TimeSpan? CertificateExpiration { get; init; }

    /// <summary>[RESULT]: the first value of a database check's query.</summary>
    public string? Result { get; init; }

    /// <summary>The Nagios plugin state of a command check (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).</summary>
    public int? ExitCode { get; init; }

    /// <summary>Why the probe itself failed (refused, timed out, certificate invalid, …), in words for the log; null when it got an answer.</summary>
    public string? Error { get; init; }

    /// <summary>Why the probe judges the target degraded though it answered (an overdue security update): the result is a
    /// warning, shown but not alerting, unless a condition fails. Null when it sees nothing wrong.</summary>
    public string? Warning { get; init; }

    /// <summary>Other named values a probe reports: Nagios performance data (<c>load1</c>), a heartbeat's last ping age, a backup's age.
    /// Conditions read them as [PERF].name.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a named value the probe was asked for is not in <see cref="Values"/> (<c>DOMAIN_EXPIRATION</c>: "RDAP:
    /// example.com is not registered"), shown as the reason a condition on it failed.</summary>
    public IReadOnlyDictionary<string, string> Absent { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
