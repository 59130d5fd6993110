using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>An <c>http</c> check: one request (method, headers, body), redirects followed up to 10 when asked, the body
/// read up to 1 MiB; [STATUS], [RESPONSE_TIME], [BODY] and, over https, [CERTIFICATE_EXPIRATION].</summary>
internal sealed class HttpProbe(HttpCheck check, ProbeContext context) : ICheckProbe
{
    public const int MaxBody = 1024 * 1024;
    public const int MaxRedirects = 10;

    public Task<CheckObservation> ObserveAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var client = check.Insecure ? context.Http.Insecure : context.Http.Secure;
            var uri = new Uri(check.Http);
            var method = new HttpMethod(check.Method ?? "GET");
            var body = check.Body;
            for (var redirects = 0; ; redirects++)
            {
                using var request = Request(method, uri, body);
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                }
                catch (HttpRequestException e) when (e.InnerException is AuthenticationException
                    && context.Http.CertificateOf(uri) is { Problem: { } problem } seen)
                {
                    return ProbeRun.Failed(elapsed(), "TLS validation failed: " + problem) with { CertificateExpiration = seen.NotAfter - context.Clock.GetUtcNow() };
                }
                using (response)
                {
                    var status = (int)response.StatusCode;
                    if (check.FollowRedirects && status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                    {
                        if (redirects == MaxRedirects)
                            return ProbeRun.Failed(elapsed(), $"more than {MaxRedirects} redirects (last to {new Uri(uri, location)})") with { Status = status };
                        if (status == 303 || (status is 301 or 302 && method == HttpMethod.Post))
                            (method, body) = (method == HttpMethod.Head ? HttpMethod.Head : HttpMethod.Get, null);
                        uri = new Uri(uri, location);
                        continue;
                    }
                    var text = await ReadCappedAsync(response, token);
                    var observation = new CheckObservation(true, elapsed()) { Status = status, Body = text };
                    if (uri.Scheme == Uri.UriSchemeHttps && context.Http.CertificateOf(uri) is { } cert)
                        observation = observation with { CertificateExpiration = cert.NotAfter - context.Clock.GetUtcNow() };
                    return observation;
                }
            }
        }, null, ct);

    private HttpRequestMessage Request(HttpMethod method, Uri uri, string? body)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8);
        foreach (var (name, value) in check.Headers)
        {
            if (request.Headers.TryAddWithoutValidation(name, value)) continue;
            if (request.Content is null) continue;
            request.Content.Headers.Remove(name);
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && MediaTypeHeaderValue.TryParse(value, out var type))
                request.Content.Headers.ContentType = type;
            else
                request.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    private static async Task<string> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[Math.Clamp(response.Content.Headers.ContentLength ?? 16 * 1024, 1, MaxBody)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length == MaxBody) break;
                Array.Resize(ref buffer, Math.Min(MaxBody, buffer.Length * 2));
            }
            var read = await stream.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0) break;
            length += read;
        }
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
