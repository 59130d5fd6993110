using System.Net;
using Jaga.Core.Errors;
using Polly;
using Polly.Retry;

namespace Jaga.Engine.Updates.Advisories;

/// <summary>How far a download is: bytes so far, the total when the server says it, and whether it is complete.</summary>
public sealed record DownloadProgress(string Source, long Bytes, long? Total, bool Done);

/// <summary>A download that failed for reasons of the network or the server (exit 1; nothing was imported).</summary>
public sealed class AdvisoryDownloadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Downloads a dump to a temporary file, streaming (never the whole body in memory), retrying a failure of the
/// network or a 5xx answer twice.</summary>
public sealed class AdvisoryDownload(HttpClient http, TimeProvider waits)
{
    /// <summary>The pause before the first retry (doubled for the next); tests shorten it.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Downloads <paramref name="url"/> into <paramref name="file"/>.</summary>
    /// <exception cref="UserException">The server says the URL is wrong or refused (4xx).</exception>
    /// <exception cref="AdvisoryDownloadException">The server cannot be reached, or failed (5xx).</exception>
    public async Task ToFileAsync(string url, string file, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        var shown = AdvisorySources.Display(url);
        var retry = new ResiliencePipelineBuilder { TimeProvider = waits }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(e => e.StatusCode is null or >= HttpStatusCode.InternalServerError)
                    .Handle<IOException>().Handle<TaskCanceledException>(_ => !ct.IsCancellationRequested),
            })
            .Build();
        try
        {
            await retry.ExecuteAsync(async token => await OnceAsync(url, shown, file, progress, token), ct);
        }
        catch (HttpRequestException e) when (e.StatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError)
        {
            throw new UserException($"{shown} answered {(int)e.StatusCode} {e.StatusCode}", "check the URL given to --from (OSV's dumps are <bucket>/<Ecosystem>/all.zip)", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new AdvisoryDownloadException($"cannot download {shown}: {e.Message}", e);
        }
    }

    private async Task OnceAsync(string url, string shown, string file, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        var total = response.Content.Headers.ContentLength;
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await using var target = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        long bytes = 0;
        var reported = 0L;
        int n;
        while ((n = await body.ReadAsync(buffer, ct)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, n), ct);
            bytes += n;
            // A report per MiB is enough for a progress line and costs nothing.
            if (bytes - reported >= 1 << 20)
            {
                progress?.Report(new DownloadProgress(shown, bytes, total, false));
                reported = bytes;
            }
        }
        progress?.Report(new DownloadProgress(shown, bytes, total, true));
    }
}
