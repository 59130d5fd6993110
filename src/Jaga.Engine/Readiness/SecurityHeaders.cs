using System.Net.Http.Headers;
using Jaga.Core.Readiness;

namespace Jaga.Engine.Readiness;

/// <summary>The application's security headers, probed on <c>checklist.url</c>: HSTS, a Content-Security-Policy,
/// <c>X-Content-Type-Options: nosniff</c>, and framing refused (<c>X-Frame-Options</c> or CSP <c>frame-ancestors</c>).</summary>
internal static class SecurityHeaders
{
    public static async Task<IReadOnlyList<Evidence>> ProbeAsync(string url, HttpMessageHandler? handler, CancellationToken ct)
    {
        using var http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 10 }, disposeHandler: handler is null)
        {
            Timeout = TimeSpan.FromSeconds(15),
        };
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return [Evidence.Failed("cli.checklist.headers.unreachable", url, e.Message)];
        }
        using (response)
        {
            var found = new List<Evidence>();
            var csp = Value(response.Headers, "Content-Security-Policy");
            found.Add(Value(response.Headers, "Strict-Transport-Security") is { } hsts && hsts.Contains("max-age", StringComparison.OrdinalIgnoreCase)
                ? Evidence.Ok("cli.checklist.header.ok", "Strict-Transport-Security")
                : Evidence.Failed("cli.checklist.header.missing", "Strict-Transport-Security", url));
            found.Add(csp is not null
                ? Evidence.Ok("cli.checklist.header.ok", "Content-Security-Policy")
                : Evidence.Failed("cli.checklist.header.missing", "Content-Security-Policy", url));
            found.Add(string.Equals(Value(response.Headers, "X-Content-Type-Options")?.Trim(), "nosniff", StringComparison.OrdinalIgnoreCase)
                ? Evidence.Ok("cli.checklist.header.ok", "X-Content-Type-Options")
                : Evidence.Failed("cli.checklist.header.missing", "X-Content-Type-Options: nosniff", url));
            var frame = Value(response.Headers, "X-Frame-Options")?.Trim();
            var framing = (frame is not null && (frame.Equals("DENY", StringComparison.OrdinalIgnoreCase) || frame.Equals("SAMEORIGIN", StringComparison.OrdinalIgnoreCase)))
                || csp?.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase) == true;
            found.Add(framing
                ? Evidence.Ok("cli.checklist.header.ok", "X-Frame-Options")
                : Evidence.Failed("cli.checklist.header.missing", "X-Frame-Options", url));
            return found;
        }
    }

    private static string? Value(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
