using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Jaga.Dashboard;

/// <summary>How many page and <c>/api</c> requests build their answer at once. The store's reads block a thread (SQLite has
/// no asynchronous I/O), so 200 viewers at once would take 200 of the pool's threads and starve the scheduler; instead a few
/// run and the rest wait their turn without a thread, oldest first. Health, heartbeat, metrics and asset requests never
/// wait here. More than <see cref="Waiting"/> waiting is a 503 with Retry-After.</summary>
public sealed class PageWork : IDisposable
{
    /// <summary>Requests that may wait their turn; beyond them a request is refused at once.</summary>
    public const int Waiting = 2000;

    private readonly ConcurrencyLimiter limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Math.Max(2, Environment.ProcessorCount),
        QueueLimit = Waiting,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>The mark an endpoint carries when its request is to take a turn here.</summary>
    public sealed class Marker;

    public static readonly Marker Mark = new();

    /// <summary>The middleware: a marked endpoint's request waits for its turn (or is refused when too many wait).</summary>
    public async Task Invoke(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        if (http.GetEndpoint()?.Metadata.GetMetadata<Marker>() is null)
        {
            await next(http);
            return;
        }
        using var lease = await limiter.AcquireAsync(1, http.RequestAborted);
        if (!lease.IsAcquired)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "1";
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"the dashboard is busy ({Waiting} requests waiting); retry in a second\n"), http.RequestAborted);
            return;
        }
        await next(http);
    }

    public void Dispose() => limiter.Dispose();
}
