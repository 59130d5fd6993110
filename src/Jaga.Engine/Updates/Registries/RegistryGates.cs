using System.Collections.Concurrent;
using Jaga.Core.Updates.Registries;

namespace Jaga.Engine.Updates.Registries;

/// <summary>One gate per registry (scheme, host, port), shared by every project folder opened through one adapter, so
/// an audit of many manifests still has at most <see cref="RegistryContext.Concurrency"/> requests in flight to each.</summary>
internal sealed class RegistryGates
{
    private readonly ConcurrentDictionary<(string Registry, int Concurrency), SemaphoreSlim> gates = new();

    public SemaphoreSlim For(Uri registry, int concurrency) =>
        gates.GetOrAdd((registry.GetLeftPart(UriPartial.Authority), Math.Max(1, concurrency)), key => new SemaphoreSlim(key.Concurrency));
}
