using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>An <c>http</c> check: one request (method, headers, body), redirects followed up to 10 when asked, the body
/// read up to 1 MiB; [STATUS], [RESPONSE_TIME], [BODY] and, over https, [CERTIFICATE_EXPIRATION].</summary>
internal sealed class HttpProbe(HttpCheck check, ProbeContext context) : ICheckProbe
{
    public const int MaxBody = HttpExchange.MaxBody;
    public const int MaxRedirects = HttpExchange.MaxRedirects;

    public Task<CheckObservation> ObserveAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, (token, elapsed) =>
        {
            var call = new HttpCall(new Uri(check.Http), check.Method, check.Headers, check.Body, check.FollowRedirects, check.Insecure);
            return HttpExchange.SendAsync(call, context.Http, context.Clock, elapsed, token);
        }, null, ct);
}
