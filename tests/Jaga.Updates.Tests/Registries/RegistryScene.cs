using System.Collections.Concurrent;
using System.Net;
using Jaga.Core.Updates.Registries;

namespace Jaga.Updates.Tests.Registries;

/// <summary>What a registry test works in: a project folder, a home folder, a cache folder (all temporary), an
/// environment of its own (never the test host's), and an HTTP client that notes every status code it receives.</summary>
public sealed class RegistryScene : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("jaga-registry-test-").FullName;
    private readonly StatusLog statuses = new(new SocketsHttpHandler());

    public RegistryScene()
    {
        Directory.CreateDirectory(Project);
        Directory.CreateDirectory(Home);
        Http = new HttpClient(statuses) { Timeout = TimeSpan.FromSeconds(30) };
        // npm's and pip's machine-wide files stay out of the tests: npm's global config is named, and missing.
        Environment["HOME"] = Home;
        Environment["NPM_CONFIG_GLOBALCONFIG"] = Path.Combine(root, "no-global-npmrc");
        Environment["XDG_CONFIG_DIRS"] = Path.Combine(root, "no-xdg");
    }

    public string Project => Path.Combine(root, "project");

    public string Home => Path.Combine(root, "home");

    public string Cache => Path.Combine(root, "cache");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public HttpClient Http { get; }

    /// <summary>The most requests that were in flight at once.</summary>
    public int MostInFlight => statuses.MostInFlight;

    /// <summary>The status codes received from <paramref name="url"/>, in order.</summary>
    public IReadOnlyList<HttpStatusCode> Received(Uri url) => statuses.Of(url);

    /// <param name="offline">Answer from the cache only.</param>
    /// <param name="concurrency">Requests in flight at once per registry.</param>
    /// <param name="clock">The clock cache ages are measured by (a fake one moves past the freshness window).</param>
    /// <param name="freshFor">The freshness window; null for the default.</param>
    public RegistryContext Context(bool offline = false, int concurrency = 4, TimeProvider? clock = null, TimeSpan? freshFor = null) =>
        new(Project, name => Environment.GetValueOrDefault(name), Cache, Http, concurrency, offline, clock ?? TimeProvider.System)
        {
            FreshFor = freshFor ?? RegistryFreshness.DefaultWindow,
        };

    public string Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Every byte the cache holds, names and contents, for tests that no secret reached it.</summary>
    public string CacheText() =>
        Directory.Exists(Cache)
            ? string.Join("\n", Directory.GetFiles(Cache, "*", SearchOption.AllDirectories).Select(f => f + "\n" + File.ReadAllText(f)))
            : "";

    public void Dispose()
    {
        Http.Dispose();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>Notes the status of every response and how many requests are in flight; changes nothing.</summary>
    private sealed class StatusLog(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly ConcurrentQueue<(Uri Url, HttpStatusCode Status)> seen = new();
        private int inFlight;
        private int mostInFlight;

        public int MostInFlight => Volatile.Read(ref mostInFlight);

        /// <summary>Compared as sent: percent-escapes in either case (<c>@acme%2fx</c>) are the same URL.</summary>
        public IReadOnlyList<HttpStatusCode> Of(Uri url) =>
            [.. seen.Where(s => string.Equals(s.Url.AbsoluteUri, url.AbsoluteUri, StringComparison.OrdinalIgnoreCase)).Select(s => s.Status)];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref inFlight);
            for (var most = MostInFlight; now > most; most = MostInFlight)
                Interlocked.CompareExchange(ref mostInFlight, now, most);
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                seen.Enqueue((request.RequestUri!, response.StatusCode));
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }
}
