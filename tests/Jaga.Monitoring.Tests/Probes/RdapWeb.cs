using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>A real HTTP server on 127.0.0.1 standing in for IANA and a registry (these machines reach neither): a
/// bootstrap file in IANA's format (RFC 9224) naming this server for <c>.com</c>, and under it the registry's RDAP answers
/// as recorded from the real one, counted per request.</summary>
public sealed class RdapWeb : IAsyncLifetime
{
    private WebApplication? app;
    private int bootstraps;
    private int lookups;

    public string Url { get; private set; } = "";

    public string Bootstrap => Url + "/bootstrap/dns.json";

    public int Bootstraps => bootstraps;

    public int Lookups => lookups;

    /// <summary>Verisign's answer for google.com (<c>https://rdap.verisign.com/com/v1/domain/GOOGLE.COM</c>), as recorded
    /// (published in the README of a Ruby RDAP client): expiration 2028-09-14T04:00:00Z.</summary>
    public static readonly DateTimeOffset GoogleExpires = new(2028, 9, 14, 4, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapGet("/bootstrap/dns.json", () =>
        {
            Interlocked.Increment(ref bootstraps);
            return Results.Text(BootstrapFile(Url), "application/json");
        });
        app.MapGet("/com/v1/domain/{name}", (string name) =>
        {
            Interlocked.Increment(ref lookups);
            return name.Equals("google.com", StringComparison.OrdinalIgnoreCase)
                ? Results.Text(RecordedGoogleCom, "application/rdap+json")
                : Results.Text(RecordedNotFound, "application/rdap+json", statusCode: 404);
        });
        await app.StartAsync();
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }

    /// <summary>IANA's file as it is shaped (<c>https://data.iana.org/rdap/dns.json</c>), its servers pointed here: an http
    /// and an https server for .com (the https one preferred and the one served), none for .org.</summary>
    private static string BootstrapFile(string self) => $$"""
        {
          "description": "RDAP bootstrap file for Domain Name System registrations",
          "publication": "2024-05-28T20:00:01Z",
          "services": [
            [["net", "com"], ["{{self}}/com/v1/"]],
            [["example"], ["https://rdap.nic.example/"]]
          ],
          "version": "1.0"
        }
        """;

    private const string RecordedGoogleCom = """
        {"objectClassName":"domain","handle":"2138514_DOMAIN_COM-VRSN","ldhName":"GOOGLE.COM","links":[{"value":"https:\/\/rdap.verisign.com\/com\/v1\/domain\/GOOGLE.COM","rel":"self","href":"https:\/\/rdap.verisign.com\/com\/v1\/domain\/GOOGLE.COM","type":"application\/rdap+json"},{"value":"https:\/\/rdap.markmonitor.com\/rdap\/domain\/GOOGLE.COM","rel":"related","href":"https:\/\/rdap.markmonitor.com\/rdap\/domain\/GOOGLE.COM","type":"application\/rdap+json"}],"status":["client delete prohibited","client transfer prohibited","client update prohibited","server delete prohibited","server transfer prohibited","server update prohibited"],"entities":[{"objectClassName":"entity","handle":"292","roles":["registrar"],"publicIds":[{"type":"IANA Registrar ID","identifier":"292"}],"vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","MarkMonitor Inc."]]],"entities":[{"objectClassName":"entity","roles":["abuse"],"vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text",""],["tel",{"type":"voice"},"uri","tel:+1.2083895740"],["email",{},"text","abusecomplaints@markmonitor.com"]]]}]}],"events":[{"eventAction":"registration","eventDate":"1997-09-15T04:00:00Z"},{"eventAction":"expiration","eventDate":"2028-09-14T04:00:00Z"},{"eventAction":"last update of RDAP database","eventDate":"2021-12-17T11:35:32Z"}],"secureDNS":{"delegationSigned":false},"nameservers":[{"objectClassName":"nameserver","ldhName":"NS1.GOOGLE.COM"},{"objectClassName":"nameserver","ldhName":"NS2.GOOGLE.COM"},{"objectClassName":"nameserver","ldhName":"NS3.GOOGLE.COM"},{"objectClassName":"nameserver","ldhName":"NS4.GOOGLE.COM"}],"rdapConformance":["rdap_level_0","icann_rdap_technical_implementation_guide_0","icann_rdap_response_profile_0"],"notices":[{"title":"Terms of Use","description":["Service subject to Terms of Use."],"links":[{"href":"https:\/\/www.verisign.com\/domain-names\/registration-data-access-protocol\/terms-service\/index.xhtml","type":"text\/html"}]},{"title":"Status Codes","description":["For more information on domain status codes, please visit https:\/\/icann.org\/epp"],"links":[{"href":"https:\/\/icann.org\/epp","type":"text\/html"}]},{"title":"RDDS Inaccuracy Complaint Form","description":["URL of the ICANN RDDS Inaccuracy Complaint Form: https:\/\/icann.org\/wicf"],"links":[{"href":"https:\/\/icann.org\/wicf","type":"text\/html"}]}]}
        """;

    /// <summary>An RDAP error answer (RFC 9083 §6) as registries send for a name they do not hold.</summary>
    private const string RecordedNotFound = """{"errorCode":404,"title":"Not Found","description":["The requested object was not found."]}""";
}
