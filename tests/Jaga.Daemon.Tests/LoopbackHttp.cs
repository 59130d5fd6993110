using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jaga.Daemon.Tests;

/// <summary>A real HTTP server on a free loopback port for daemon tests: <c>/health</c> answers the status the test sets
/// (the endpoint a check watches), and <c>/hook</c> records every request body (the receiving end of a webhook channel).</summary>
internal sealed class LoopbackHttp : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackHttp(WebApplication app) => this.app = app;

    /// <summary>What <c>/health</c> answers now.</summary>
    public int HealthStatus { get; set; } = 200;

    public ConcurrentQueue<string> Hooks { get; } = new();

    public string Url { get; private set; } = "";

    public static async Task<LoopbackHttp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackHttp(app);
        app.MapGet("/health", (HttpContext c) => Results.Text(server.HealthStatus == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}", "application/json", statusCode: server.HealthStatus));
        app.MapPost("/hook", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            server.Hooks.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        });
        await app.StartAsync();
        server.Url = app.Urls.First();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
