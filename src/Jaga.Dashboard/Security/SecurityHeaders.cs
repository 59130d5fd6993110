using Microsoft.AspNetCore.Http;

namespace Jaga.Dashboard.Security;

/// <summary>The headers every response carries, the health and heartbeat URLs' too: a content security policy that allows
/// no script and nothing from elsewhere, no framing, no type sniffing, no referrer to other sites.</summary>
internal static class SecurityHeaders
{
    public const string Policy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static Task Add(HttpContext http, Func<Task> next)
    {
        var h = http.Response.Headers;
        h.ContentSecurityPolicy = Policy;
        h.XFrameOptions = "DENY";
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "same-origin";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        return next();
    }
}
