using Jaga.Core.Adapters;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>What probes share: the plan (its folder resolves relative paths), the state store (backup and heartbeat
/// checks read it), the clock and one <see cref="ProbeHttp"/> for every HTTP check (pooled connections).</summary>
/// <param name="Plan">The loaded plan; connection strings in it are already interpolated.</param>
/// <param name="Store">The state store.</param>
/// <param name="Clock">The clock every time is read from.</param>
/// <param name="Http">The shared HTTP clients; create one per process and dispose it at the end.</param>
/// <param name="Adapters">The database adapters that log in for database checks.</param>
public sealed record ProbeContext(LoadedPlan Plan, IStateStore Store, TimeProvider Clock, ProbeHttp Http, AdapterSet Adapters)
{
    /// <summary>The language of the reasons probes give: the journal's, which is the plan's unless a command was asked for another.</summary>
    public Catalog Words { get; init; } = Catalog.For(Plan.Plan.Language);

    /// <summary>When monitoring began: a heartbeat that was never pinged waits <c>every + grace</c> from here.</summary>
    public DateTimeOffset Started { get; init; } = Clock.GetUtcNow();

    /// <summary>When a check was first seen; <see cref="Started"/> unless the caller knows better (e.g. from history).</summary>
    public Func<string, DateTimeOffset>? FirstSeen { get; init; }

    /// <summary>How checks resolve the hosts they connect to: the plan's <c>monitoring.resolver</c>, else the system's.</summary>
    public CheckResolver Resolver { get; init; } = Plan.Plan.Monitoring.Resolver is { } server ? new(server) : CheckResolver.System;

    /// <summary>[DOMAIN_EXPIRATION] by RDAP, its answers kept per domain for as long as the plan runs.</summary>
    public DomainExpiry Domains { get; init; } = new(Plan.Plan.Monitoring.Rdap, Http.Secure, Clock);

    internal DateTimeOffset FirstSeenOf(string check) => FirstSeen?.Invoke(check) ?? Started;
}
