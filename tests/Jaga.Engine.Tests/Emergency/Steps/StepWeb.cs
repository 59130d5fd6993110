using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jaga.Engine.Tests.Emergency.Steps;

/// <summary>A real Kestrel server on 127.0.0.1 with the endpoints the http step tests call; it counts the requests it got.</summary>
public sealed class StepWeb : IAsyncLifetime
{
    public const string Secret = "s3cr3t-T0ken-value";

    private WebApplication? app;
    private int requests;

    public string Url { get; private set; } = "";

    public int Requests => Volatile.Read(ref requests);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref requests);
            await next(context);
        });
        app.MapGet("/ok", () => "ok");
        app.MapGet("/json", () => Results.Json(new { data = new { status = "UP" } }));
        app.MapGet("/status/{code:int}", (int code) => Results.Text($"status {code}", statusCode: code));
        app.MapGet("/secret", () => $"token={Secret} issued");
        app.MapGet("/big", () => Results.Text(new string('x', 300 * 1024) + "end"));
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return "late";
        });
        app.MapPost("/echo", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return $"{request.Method} {request.Headers["X-Step"]} {request.ContentType} {await reader.ReadToEndAsync()}";
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Url = addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
