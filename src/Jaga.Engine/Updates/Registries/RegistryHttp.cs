using System.Net;

namespace Jaga.Engine.Updates.Registries;

/// <summary>The HTTP client registries are asked with: bounded connect and request times, compressed answers, Jaga's
/// user agent. One per command or plan, shared by every registry of an audit.</summary>
public static class RegistryHttp
{
    public static HttpClient Create()
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10), AutomaticDecompression = DecompressionMethods.All };
        var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd($"jaga/{JagaVersion.Current}");
        return http;
    }
}
