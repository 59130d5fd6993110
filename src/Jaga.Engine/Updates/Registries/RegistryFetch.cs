using System.Net;

namespace Jaga.Engine.Updates.Registries;

/// <summary>What one GET of a registry document came to, after the cache and the retries.</summary>
internal abstract record RegistryFetch
{
    /// <summary>The document: fresh from the registry, or the cached copy it confirmed (304) or, offline, the cached copy.</summary>
    public sealed record Document(byte[] Content, string? MediaType, bool FromCache) : RegistryFetch;

    /// <summary>The registry answered something else than the document (401, 403, 404, another 4xx).</summary>
    public sealed record Refused(HttpStatusCode Status) : RegistryFetch;

    /// <summary>No answer: no connection, a timeout, or 5xx/429 after the retries. <paramref name="Reason"/> names no
    /// credential.</summary>
    public sealed record Unreachable(string Reason) : RegistryFetch;

    /// <summary>Offline, and the cache has no copy.</summary>
    public sealed record NotCached : RegistryFetch;
}
