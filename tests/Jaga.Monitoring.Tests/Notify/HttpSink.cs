using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jaga.Monitoring.Tests.Notify;

/// <summary>A real HTTP server on 127.0.0.1 that records every POST it takes, and can be told to answer the next N
/// with an error status, or to hang (until the client gives up).</summary>
public sealed class HttpSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private int failures;

    private HttpSink(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    /// <summary>Every request that got a 2xx answer: its path and body.</summary>
    public ConcurrentQueue<(string Path, string Body)> Delivered { get; } = new();

    /// <summary>Every request received, failed or not.</summary>
    public int Attempts => attempts;

    /// <summary>The status of the next <see cref="FailNext"/> answers.</summary>
    public int FailStatus { get; set; } = 503;

    /// <summary>How long each request is held before it is answered.</summary>
    public TimeSpan Hang { get; set; } = TimeSpan.Zero;

    private int attempts;

    public static async Task<HttpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new HttpSink(app);
        app.MapPost("/{**path}", (Delegate)sink.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.Url = address.TrimEnd('/');
        return sink;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <see cref="FailStatus"/>.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failures, count);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref attempts);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if (Interlocked.Decrement(ref failures) >= 0) return Results.Text("{\"ok\":false,\"description\":\"try later\"}", "application/json", statusCode: FailStatus);
        if (Hang > TimeSpan.Zero) await Task.Delay(Hang, context.RequestAborted);
        Delivered.Enqueue((context.Request.Path.Value ?? "", body));
        return Results.Ok();
    }
}
