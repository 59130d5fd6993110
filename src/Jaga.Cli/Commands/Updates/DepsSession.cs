using System.Net;
using Jaga.Cli.Composition;
using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Registries;
using Jaga.Engine;
using Jaga.Engine.Journal;
using Jaga.Engine.Updates.Audit;
using Jaga.Engine.Updates.Manifests;
using Jaga.Engine.Updates.Unused;

namespace Jaga.Cli.Commands.Updates;

/// <summary>What every <c>jaga deps</c> command that audits shares: the plan, its store and journal, the project's
/// manifests read, the advisory data, and one audit through the composition root's registry adapters.</summary>
internal sealed class DepsSession : IAsyncDisposable
{
    private readonly IStateStore store;
    private readonly HttpClient http;

    private DepsSession(LoadedPlan plan, IStateStore store, MaintenanceJournal journal, Catalog words, string root, ProjectDependencyList project, IAdvisoryStore advisories, HttpClient http)
    {
        Plan = plan;
        this.store = store;
        Journal = journal;
        Words = words;
        Root = root;
        Project = project;
        Advisories = advisories;
        this.http = http;
    }

    public LoadedPlan Plan { get; }

    public MaintenanceJournal Journal { get; }

    public Catalog Words { get; }

    /// <summary>The project root (absolute).</summary>
    public string Root { get; }

    public ProjectDependencyList Project { get; }

    public IAdvisoryStore Advisories { get; }

    public static async Task<DepsSession> OpenAsync(CliContext ctx, CancellationToken ct)
    {
        var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
        try
        {
            var words = ctx.Messages(plan);
            var root = DependencyAudit.Root(plan, words);
            var listed = plan.Plan.Update.Manifests;
            var manifests = listed is ["auto"] ? ManifestDiscovery.Find(root) : ManifestDiscovery.Listed(root, listed, words);
            if (manifests.Count == 0) throw new UserException(words.Format("cli.deps.manifests.none", root), words["cli.deps.manifests.none.hint"]);
            var project = ProjectDependencies.Read(root, manifests, words);
            var advisories = await CompositionRoot.OpenAdvisoriesAsync(plan, ctx.Clock, ct);
            var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10), AutomaticDecompression = DecompressionMethods.All };
            var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.UserAgent.ParseAdd($"jaga/{JagaVersion.Current}");
            return new DepsSession(plan, store, journal, words, root, project, advisories, http);
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
        var cache = Path.Combine(Path.GetDirectoryName(AdvisoryDatabasePath.For(Plan)) ?? Plan.Directory, "cache", "registries");
        // The plan's variables: the process environment first, then the plan's env_files, so an NPM_TOKEN or a
        // PIP_INDEX_URL kept in .env reaches the registries as it reaches the rest of the plan (the values stay secrets:
        // registries send credentials in headers and show URLs without them).
        var services = new AuditServices(CompositionRoot.Adapters, Advisories, AdvisoryMatch.Affects, http, cache,
            Plan.Variable, ctx.Clock, offline)
        {
            FreshFor = refresh ? TimeSpan.Zero : RegistryFreshness.DefaultWindow,
        };
        using var progress = ctx.Output.Terminal && !Console.IsErrorRedirected ? new TerminalProgress(Words["cli.deps.progress"]) : null;
        var report = await new DependencyAudit(services, Plan).RunAsync(Root, [.. Project.Manifests.Select(m => m.Path)], Project.Dependencies, progress, ct);
        // Advice next to the findings; it never changes whether the audit passes.
        report = report with { Unused = UnusedDependencies.Find(Root, Project.Dependencies) };
        await AuditRecord.WriteAsync(Journal, report, ct);
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
