using System.Globalization;
using System.Net;

// Usage: MonitorTarget <port> [paths=1000]
// Serves /t/0 … /t/{paths-1} on 127.0.0.1:<port>, the same answer for a path every time:
//   i % 10 == 9            → 500 (10 % of the paths fail)
//   i % 20 == 3            → 200 after 1–3 s (5 % are slow; the delay is fixed per path, below a 5 s timeout)
//   otherwise              → 200 at once
// with a small JSON body. /stats gives the requests served so far by kind, so a benchmark can check who really probed.
if (args.Length < 1 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var port))
{
    Console.Error.WriteLine("usage: MonitorTarget <port> [paths]");
    return 2;
}
var paths = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k =>
{
    k.Listen(IPAddress.Loopback, port);
    k.Limits.MaxConcurrentConnections = null;
    k.AddServerHeader = false;
});
var app = builder.Build();
var counts = new long[4]; // ok, failing, slow, unknown path

app.MapGet("/t/{i:int}", async (int i, HttpContext http, CancellationToken ct) =>
{
    if (i < 0 || i >= paths)
    {
        Interlocked.Increment(ref counts[3]);
        http.Response.StatusCode = 404;
        return;
    }
    var kind = Kind(i);
    Interlocked.Increment(ref counts[kind]);
    if (kind == 2) await Task.Delay(SlowMs(i), ct);
    http.Response.StatusCode = kind == 1 ? 500 : 200;
    http.Response.ContentType = "application/json";
    await http.Response.WriteAsync(kind == 1 ? $"{{\"path\":{i},\"status\":\"error\"}}" : $"{{\"path\":{i},\"status\":\"ok\"}}", ct);
});
app.MapGet("/stats", () => Results.Text(
    string.Create(CultureInfo.InvariantCulture, $"ok={counts[0]} failing={counts[1]} slow={counts[2]} unknown={counts[3]} total={counts[0] + counts[1] + counts[2] + counts[3]}\n")));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"listening on 127.0.0.1:{port}, {paths} paths"));
await app.RunAsync();
return 0;

static int Kind(int i) => i % 10 == 9 ? 1 : i % 20 == 3 ? 2 : 0;
static int SlowMs(int i) => 1000 + (i * 7919 % 2001);
