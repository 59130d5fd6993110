using Jaga.Cli.Composition;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Registries;
using Jaga.Engine.Journal;
using Jaga.Engine.Updates.Audit;
using Jaga.Engine.Updates.Manifests;
using Jaga.Engine.Updates.Registries;

namespace Jaga.Cli.Commands.Updates;

/// <summary>What every <c>jaga deps</c> command that audits shares: the plan, its store and journal, the project's
/// manifests read, the advisory data, and one audit through the composition root's registry adapters.</summary>
internal sealed class DepsSession : IAsyncDisposable
{
    private readonly IStateStore store;
    private readonly HttpClient http;
    private readonly ProjectAudit read;

    private DepsSession(LoadedPlan plan, IStateStore store, MaintenanceJournal journal, Catalog words, ProjectAudit read, IAdvisoryStore advisories, HttpClient http)
    {
        Plan = plan;
        this.store = store;
        Journal = journal;
        Words = words;
        this.read = read;
        Advisories = advisories;
        this.http = http;
    }

    public LoadedPlan Plan { get; }

    public MaintenanceJournal Journal { get; }

    public Catalog Words { get; }

    /// <summary>The project root (absolute).</summary>
    public string Root => read.Root;

    public ProjectDependencyList Project => read.Project;

    public IAdvisoryStore Advisories { get; }

    public static async Task<DepsSession> OpenAsync(CliContext ctx, CancellationToken ct)
    {
        var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
        try
        {
            var words = ctx.Messages(plan);
            var read = ProjectAudit.Read(plan, words);
            var advisories = await CompositionRoot.OpenAdvisoriesAsync(plan, ctx.Clock, ct);
            var http = RegistryHttp.Create();
            return new DepsSession(plan, store, journal, words, read, advisories, http);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>One audit; its record (the suppressions used, the audit's line) is written to the journal.</summary>
    public Task<AuditReport> AuditAsync(CliContext ctx, bool offline, CancellationToken ct) => AuditAsync(ctx, offline, refresh: false, ct);

    /// <summary>One audit; with <paramref name="refresh"/>, every cached registry answer is revalidated, however
    /// young.</summary>
    public async Task<AuditReport> AuditAsync(CliContext ctx, bool offline, bool refresh, CancellationToken ct)
    {
        var services = new AuditServices(CompositionRoot.Adapters, Advisories, AdvisoryMatch.Affects, http, ProjectAudit.CacheFolder(Plan),
            Plan.Variable, ctx.Clock, offline)
        {
            FreshFor = refresh ? TimeSpan.Zero : RegistryFreshness.DefaultWindow,
        };
        using var progress = ctx.Output.Terminal && !Console.IsErrorRedirected ? new TerminalProgress(Words["cli.deps.progress"]) : null;
        var report = await read.RunAsync(services, Journal, progress, ct);
        return report;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (Advisories is IAsyncDisposable d) await d.DisposeAsync();
        await store.DisposeAsync();
    }

    /// <summary>"Asking registries 12/40" on stderr, rewritten in place; erased when done.</summary>
    private sealed class TerminalProgress(string title) : IProgress<AuditProgress>, IDisposable
    {
        private readonly Lock gate = new();

        public void Report(AuditProgress value)
        {
            lock (gate) Console.Error.Write($"\r{title} {value.Done}/{value.Total}");
        }

        public void Dispose()
        {
            lock (gate) Console.Error.Write("\r\u001b[2K");
        }
    }
}
