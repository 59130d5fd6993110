using System.Net;
using System.Text;
using System.Text.Json;
using Jaga.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Jaga.Updates.Tests.NuGet;

/// <summary>A NuGet V3 feed on loopback as a static layout served by Kestrel: <c>/v3/index.json</c> naming the flat
/// container (<c>PackageBaseAddress/3.0.0</c>) at <c>/v3/flat/</c>, its <c>{id}/index.json</c> and the .nupkg files,
/// behind HTTP Basic authentication. The static file middleware answers with ETag and Last-Modified and answers a
/// matching conditional request with <c>304</c>.</summary>
public sealed class V3FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string root;
    private int requests;
    private int inFlight;
    private int maxInFlight;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> revalidated = new();

    private V3FeedServer(WebApplication app, string root, int port)
    {
        this.app = app;
        this.root = root;
        Port = port;
    }

    public int Port { get; }

    public string IndexUrl => $"http://127.0.0.1:{Port}/v3/index.json";

    /// <summary>Requests that reached the server, refused ones included.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>The most authorized requests the server was answering at once.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>How long the server takes over each authorized request, so that concurrent requests overlap.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The paths of the conditional requests answered <c>304 Not Modified</c>.</summary>
    public IReadOnlyList<string> NotModified => [.. revalidated];

    /// <summary>Serves <paramref name="nupkgs"/> (files named <c>{id}.{version}.nupkg</c> of <paramref name="id"/>) to
    /// <paramref name="user"/> with <paramref name="password"/>.</summary>
    public static async Task<V3FeedServer> StartAsync(string id, IReadOnlyList<string> nupkgs, string user, string password)
    {
        var port = Loopback.FreePort();
        var root = Path.Combine(Path.GetTempPath(), $"jaga-v3feed-{Guid.NewGuid():N}");
        Layout(root, port, id, nupkgs);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new V3FeedServer(app, root, port);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref server.requests);
            if (context.Request.Headers.Authorization != expected)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"jaga-test-feed\"";
                return;
            }
            var now = Interlocked.Increment(ref server.inFlight);
            for (var seen = server.MaxInFlight; now > seen; seen = server.MaxInFlight)
            {
                Interlocked.CompareExchange(ref server.maxInFlight, now, seen);
            }
            try
            {
                await Task.Delay(server.Latency);
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref server.inFlight);
            }
            if (context.Response.StatusCode == StatusCodes.Status304NotModified)
            {
                server.revalidated.Enqueue(context.Request.Path.Value ?? "");
            }
        });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root), ServeUnknownFileTypes = true });
        await app.StartAsync();
        return server;
    }

    private static void Layout(string root, int port, string id, IReadOnlyList<string> nupkgs)
    {
        var lower = id.ToLowerInvariant();
        var flat = Path.Combine(root, "v3", "flat", lower);
        Directory.CreateDirectory(flat);
        var versions = new List<string>();
        foreach (var nupkg in nupkgs)
        {
            var version = Path.GetFileNameWithoutExtension(nupkg)[(id.Length + 1)..].ToLowerInvariant();
            versions.Add(version);
            Directory.CreateDirectory(Path.Combine(flat, version));
            File.Copy(nupkg, Path.Combine(flat, version, $"{lower}.{version}.nupkg"));
        }
        File.WriteAllText(Path.Combine(flat, "index.json"), JsonSerializer.Serialize(new { versions }));
        File.WriteAllText(Path.Combine(root, "v3", "index.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["version"] = "3.0.0",
            ["resources"] = new[]
            {
                new Dictionary<string, string> { ["@id"] = $"http://127.0.0.1:{port}/v3/flat/", ["@type"] = "PackageBaseAddress/3.0.0" },
            },
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        FixtureFolders.TryDelete(root);
    }
}
