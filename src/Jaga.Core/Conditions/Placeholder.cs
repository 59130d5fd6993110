namespace Jaga.Core.Conditions;

/// <summary>The values of a probe a condition can name, written in brackets: <c>[STATUS]</c>, <c>[BODY].data.status</c>, <c>[PERF].load1</c>.</summary>
public enum Placeholder
{
    /// <summary>[STATUS]: the HTTP status code.</summary>
    Status,

    /// <summary>[RESPONSE_TIME]: the probe's response time in milliseconds.</summary>
    ResponseTime,

    /// <summary>[BODY]: the response body or the plugin's output; <c>[BODY].a.b[0]</c> reads a JSON path in it.</summary>
    Body,

    /// <summary>[CONNECTED]: true when the target answered at all.</summary>
    Connected,

    /// <summary>[CERTIFICATE_EXPIRATION]: milliseconds until the certificate expires; compare with a duration such as 48h.</summary>
    CertificateExpiration,

    /// <summary>[RESULT]: the first value of a database check's query.</summary>
    Result,

    /// <summary>[EXIT_CODE]: the exit code of a command check's plugin.</summary>
    ExitCode,

    /// <summary>[PERF].label: a Nagios performance value (or another named value the probe reports).</summary>
    Perf,
}
