using System.Net;
using Jaga.Core.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jaga.Daemon.Tests;

/// <summary>A Kestrel app on 127.0.0.1 that serves a <see cref="PrometheusText"/> on <c>/metrics</c>, built anew for
/// each request as the daemon will.</summary>
internal sealed class MetricsEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;

    private MetricsEndpoint(WebApplication app, string target)
    {
        this.app = app;
        Target = target;
    }

    /// <summary>The <c>host:port</c> to scrape.</summary>
    public string Target { get; }

    public int Requests => requests;

    private int requests;

    public static async Task<MetricsEndpoint> StartAsync(Func<PrometheusText> document)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Port 0: the system picks a free port at bind time, so no other process can take it between look and bind.
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        MetricsEndpoint? endpoint = null;
        app.MapGet("/metrics", () =>
        {
            Interlocked.Increment(ref endpoint!.requests);
            return Results.Text(document().ToString(), PrometheusText.ContentType);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        endpoint = new MetricsEndpoint(app, $"127.0.0.1:{address.Port}");
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
