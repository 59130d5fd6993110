using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>An <c>http</c> check: one request (method, headers, body), redirects followed up to 10 when asked, the body
/// read up to 1 MiB; [STATUS], [RESPONSE_TIME], [BODY], [IP], over https [CERTIFICATE_EXPIRATION] and, when a condition
/// reads it, [DOMAIN_EXPIRATION] (RDAP).</summary>
internal sealed class HttpProbe(HttpCheck check, ProbeContext context) : ICheckProbe
{
    public const int MaxBody = HttpExchange.MaxBody;
    public const int MaxRedirects = HttpExchange.MaxRedirects;

    public async Task<CheckObservation> ObserveAsync(CancellationToken ct)
    {
        var uri = new Uri(check.Http);
        var seen = await ProbeRun.RunAsync(check.Timeout, context.Clock, (token, elapsed) =>
        {
            var call = new HttpCall(uri, check.Method, check.Headers, check.Body, check.FollowRedirects, check.Insecure, context.Resolver);
            return HttpExchange.SendAsync(call, context.Http, context.Clock, elapsed, token);
        }, null, ct);
        // After the response time is taken: the registry's answer is the domain's, not the server's.
        return DomainExpiry.Wanted(check) ? await context.Domains.AddAsync(seen, uri.IdnHost, check.Domain, ct) : seen;
    }
}
