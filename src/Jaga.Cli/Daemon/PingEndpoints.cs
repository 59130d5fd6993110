using System.Globalization;
using System.Threading.RateLimiting;
using Jaga.Core.Ports;
using Jaga.Engine.Heartbeats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jaga.Cli.Daemon;

/// <summary>The heartbeat URLs <c>/ping/{token}[/start|/fail|/{exit-code}]</c> with healthchecks.io's conventions (GET, HEAD
/// or POST; 200 "OK", 404 "not found" for an unknown token). Nobody can abuse them: tokens are compared in constant time,
/// each check's token (and all unknown tokens together) has its own rate limit (429 with Retry-After beyond it), and a
/// body is read only up to <see cref="MaxBody"/> bytes (413 beyond it; the body is not stored).</summary>
internal static class PingEndpoints
{
    /// <summary>The largest ping body accepted. Jaga does not keep bodies; the cap stops a ping from making the daemon read
    /// without end.</summary>
    public const int MaxBody = 10 * 1024;

    /// <summary>Pings a check may send at once; then one more every <see cref="Refill"/>. A job pings once or twice a
    /// run (start, finish), so only a flood meets the limit.</summary>
    public const int Burst = 10;

    public static readonly TimeSpan Refill = TimeSpan.FromSeconds(6);

    private const string Policy = "ping";

    /// <summary>The partition of every token that names no check: guessing shares one limit.</summary>
    private const string Unknown = "";

    public static void AddServices(IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = (rejected, ct) =>
        {
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Refill;
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            rejected.HttpContext.Response.Headers.RetryAfter = seconds;
            rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            return new ValueTask(rejected.HttpContext.Response.WriteAsync($"too many pings; retry after {seconds}s\n", ct));
        };
        o.AddPolicy(Policy, http => RateLimitPartition.GetTokenBucketLimiter(PartitionOf(http), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = Refill,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    });

    public static void Map(WebApplication app, DaemonState state)
    {
        app.UseRateLimiter();
        string[] verbs = ["GET", "HEAD", "POST"];
        app.MapMethods("/ping/{token}", verbs, (string token, HttpContext http) => PingAsync(state, token, PingKind.Success, null, http))
            .RequireRateLimiting(Policy).AllowAnonymous();
        app.MapMethods("/ping/{token}/start", verbs, (string token, HttpContext http) => PingAsync(state, token, PingKind.Start, null, http))
            .RequireRateLimiting(Policy).AllowAnonymous();
        app.MapMethods("/ping/{token}/fail", verbs, (string token, HttpContext http) => PingAsync(state, token, PingKind.Fail, null, http))
            .RequireRateLimiting(Policy).AllowAnonymous();
        app.MapMethods("/ping/{token}/{code:int:range(0,255)}", verbs, (string token, int code, HttpContext http) => PingAsync(state, token, PingKind.Exit, code, http))
            .RequireRateLimiting(Policy).AllowAnonymous();
    }

    /// <summary>The check a request's token names (its rate-limit partition), or <see cref="Unknown"/>.</summary>
    private static string PartitionOf(HttpContext http)
    {
        var state = http.RequestServices.GetRequiredService<DaemonState>();
        return http.Request.RouteValues["token"] is string token && PingRecorder.ByToken(state.Plan.Plan, state.Listen, token) is { } check
            ? "check:" + check.Name
            : Unknown;
    }

    private static async Task<IResult> PingAsync(DaemonState state, string token, PingKind kind, int? code, HttpContext http)
    {
        if (!await BodyFitsAsync(http)) return Results.Text($"body over {MaxBody} bytes\n", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (PingRecorder.ByToken(state.Plan.Plan, state.Listen, token) is not { } check) return Results.Text("not found\n", statusCode: StatusCodes.Status404NotFound);
        await PingRecorder.RecordAsync(state.Journal, check, kind, code, "http " + http.Connection.RemoteIpAddress, state.Clock, CancellationToken.None);
        return Results.Text("OK");
    }

    /// <summary>Reads and drops the body, at most <see cref="MaxBody"/> bytes; false when it is larger (by its
    /// Content-Length, or as it arrives when chunked).</summary>
    private static async Task<bool> BodyFitsAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBody) return false;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBody;
        var buffer = new byte[4096];
        var total = 0L;
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
                if ((total += read) > MaxBody) return false;
            return true;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
    }
}
