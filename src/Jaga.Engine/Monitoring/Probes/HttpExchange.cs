using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using Jaga.Core.Monitoring;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>Makes one <see cref="HttpCall"/> over the shared clients and says what it saw: [STATUS], [BODY] (read up to
/// <see cref="MaxBody"/>), [RESPONSE_TIME] and, over https, [CERTIFICATE_EXPIRATION]. Shared by <c>http</c> checks and
/// runbook <c>http</c> steps, so both see a server the same way. The caller owns the timeout.</summary>
internal static class HttpExchange
{
    public const int MaxBody = 1024 * 1024;
    public const int MaxRedirects = 10;

    public static async Task<CheckObservation> SendAsync(HttpCall call, ProbeHttp http, TimeProvider clock, Func<TimeSpan> elapsed, CancellationToken token)
    {
        var client = call.Insecure ? http.Insecure : http.Secure;
        var uri = call.Uri;
        var method = new HttpMethod(call.Method ?? "GET");
        var body = call.Body;
        for (var redirects = 0; ; redirects++)
        {
            using var request = Request(method, uri, body, call.Headers);
            if (call.Resolver is { } resolver) request.Options.Set(ProbeHttp.ResolverOption, resolver);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            }
            catch (HttpRequestException e) when (e.InnerException is AuthenticationException
                && http.CertificateOf(uri) is { Problem: { } problem } seen)
            {
                return ProbeRun.Failed(elapsed(), "TLS validation failed: " + problem) with { CertificateExpiration = seen.NotAfter - clock.GetUtcNow() };
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (call.FollowRedirects && status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (redirects == MaxRedirects)
                        return ProbeRun.Failed(elapsed(), $"more than {MaxRedirects} redirects (last to {new Uri(uri, location)})") with { Status = status };
                    if (status == 303 || (status is 301 or 302 && method == HttpMethod.Post))
                        (method, body) = (method == HttpMethod.Head ? HttpMethod.Head : HttpMethod.Get, null);
                    uri = new Uri(uri, location);
                    continue;
                }
                var text = await ReadCappedAsync(response, token);
                var observation = new CheckObservation(true, elapsed()) { Status = status, Body = text, Values = ProbeValues.Ip(http.AddressOf(uri)) };
                if (uri.Scheme == Uri.UriSchemeHttps && http.CertificateOf(uri) is { } cert)
                    observation = observation with { CertificateExpiration = cert.NotAfter - clock.GetUtcNow() };
                return observation;
            }
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri uri, string? body, IReadOnlyDictionary<string, string> headers)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8);
        foreach (var (name, value) in headers)
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
