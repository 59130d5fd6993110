using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>A real Kestrel server on 127.0.0.1, over HTTP and HTTPS (a self-signed certificate for 127.0.0.1 made here,
/// expiring in <see cref="CertificateLife"/>), with the endpoints the probe tests need.</summary>
public sealed class TestWeb : IAsyncLifetime
{
    public static readonly TimeSpan CertificateLife = TimeSpan.FromDays(3);

    private WebApplication? app;

    public string Http { get; private set; } = "";

    public string Https { get; private set; } = "";

    public int HttpsPort { get; private set; }

    public X509Certificate2 Certificate { get; } = SelfSigned();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(Certificate));
        });
        app = builder.Build();
        app.MapGet("/ok", () => "ok");
        app.MapGet("/json", () => Results.Json(new { data = new { status = "UP" } }));
        app.MapGet("/redirect", () => Results.Redirect("/json"));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
        app.MapGet("/fail", () => Results.StatusCode(503));
        app.MapGet("/big", () => Results.Text(new string('x', 3 * 1024 * 1024)));
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return "late";
        });
        app.MapPost("/echo", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            return $"{request.Method} {request.Headers["X-Probe"]} {request.ContentType} {body}";
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Http = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));
        Https = addresses.First(a => a.StartsWith("https://", StringComparison.Ordinal));
        HttpsPort = new Uri(Https).Port;
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        Certificate.Dispose();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var cert = request.CreateSelfSigned(now.AddDays(-1), now + CertificateLife);
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
