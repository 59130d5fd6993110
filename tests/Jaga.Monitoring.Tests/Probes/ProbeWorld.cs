using Jaga.Cli.Composition;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Monitoring.Probes;
using Jaga.Sqlite;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>A plan in a temp folder whose checks are given as YAML, its SQLite state store, and the probe context.</summary>
internal sealed class ProbeWorld : IAsyncDisposable
{
    private ProbeWorld(string folder, LoadedPlan plan, IStateStore store, TimeProvider clock)
    {
        Folder = folder;
        Plan = plan;
        Store = store;
        Http = new ProbeHttp();
        Context = new ProbeContext(plan, store, clock, Http, CompositionRoot.Adapters);
    }

    public string Folder { get; }

    public LoadedPlan Plan { get; }

    public IStateStore Store { get; }

    public ProbeHttp Http { get; }

    public ProbeContext Context { get; }

    /// <summary>A world whose plan has these checks (a YAML list, each item starting with <c>- name:</c>).</summary>
    /// <param name="checks">The checks.</param>
    /// <param name="clock">The clock; the system's when null.</param>
    /// <param name="rdapBootstrap">The RDAP bootstrap file's URL (<c>monitoring.rdap.bootstrap</c>); IANA's when null.</param>
    /// <param name="resolver">The DNS server checks resolve names with (<c>monitoring.resolver</c>); the system's when null.</param>
    public static async Task<ProbeWorld> CreateAsync(string checks, TimeProvider? clock = null, string? rdapBootstrap = null, string? resolver = null)
    {
        clock ??= TimeProvider.System;
        var folder = Directory.CreateTempSubdirectory("jaga-probes-").FullName;
        var indented = string.Join('\n', checks.Trim('\n').Split('\n').Select(l => "    " + l));
        var rdap = rdapBootstrap is null ? "" : $"  rdap: {{ bootstrap: \"{rdapBootstrap}\" }}\n";
        var dns = resolver is null ? "" : $"  resolver: \"{resolver}\"\n";
        var yaml = $"version: 1\nproject: probes\nmonitoring:\n{rdap}{dns}  checks:\n{indented}\n";
        var world = new PlanWorld(_ => null, p => File.Exists(p) ? File.ReadAllText(p) : null);
        var loaded = PlanLoader.Load(yaml, "jaga.yaml", folder, world);
        Assert.True(loaded.Ok, "plan did not load:\n" + string.Join('\n', loaded.Errors) + "\n" + yaml);
        var store = await SqliteStateStore.OpenAsync(Path.Combine(folder, "state.db"), clock);
        return new ProbeWorld(folder, loaded.Plan!, store, clock);
    }

    public Check Check(string name) => Plan.Plan.Monitoring.Checks.Single(c => c.Name == name);

    public Task<CheckObservation> ObserveAsync(string name) => ObserveAsync(Check(name));

    public Task<CheckObservation> ObserveAsync(Check check) =>
        CheckProbes.For(check, Context).ObserveAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a child process: the temp folder is cleaned by the system.
        }
    }
}
