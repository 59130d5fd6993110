using Jaga.Cli.Composition;
using Jaga.Cli.Daemon;
using Jaga.Core.Ports;
using Jaga.Dashboard.Accounts;
using Jaga.Engine.Journal;
using Jaga.Engine.Planning;
using Jaga.Engine.Scheduling;
using Jaga.Sqlite;
using Jaga.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Dashboard.Tests;

/// <summary>The dashboard served as <c>jaga run</c> serves it — the same <see cref="DashboardFeed"/> over a
/// <see cref="DaemonState"/>, a real SQLite store and maintenance journal — by a real Kestrel on a free loopback port, with a
/// fake clock the test moves (lock-outs and sign-ins expire by it). Starting it again on the same folder is a restart.</summary>
internal sealed class DashboardSite : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    /// <summary>A secret of the plan (a heartbeat's token): no page may show it.</summary>
    public const string Secret = "hb-7d1f0c9e4a2b86d3";

    private WebApplication? app;
    private DaemonState? state;
    private Scheduler? scheduler;

    private DashboardSite(string dir, string planTail, string checks, bool scheduling)
    {
        Dir = dir;
        this.planTail = planTail;
        this.checks = checks;
        this.scheduling = scheduling;
    }

    private readonly string planTail;
    private readonly string checks;
    private readonly bool scheduling;
    private CancellationTokenSource? stopScheduling;
    private Task? schedulerRun;

    public string Dir { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    public int Port { get; } = Loopback.FreePort();

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public IStateStore Store => state!.Store;

    /// <summary>What the pages read, as the running host has it.</summary>
    public IDashboardState Feed => app!.Services.GetRequiredService<IDashboardState>();

    public string KeysFolder => Path.Combine(Dir, ".jaga", DashboardKeys.FolderName);

    public string LogPath => Path.Combine(Dir, "logs", "maintenance.log");

    /// <summary>How many entries a log page looks through (set before <see cref="StartAgainAsync"/>): small, a sparse filter
    /// reaches the window's end with a few entries.</summary>
    public long LogScanWindow { get; set; } = Core.Ledger.LogQuery.DefaultScanWindow;

    /// <summary>Starts a site whose plan has the heartbeat check <c>cron</c>, plus <paramref name="checks"/> (YAML list items,
    /// indented four spaces) and <paramref name="planTail"/> (top-level YAML keys: destinations, backup, emergency, …). With
    /// <paramref name="scheduling"/>, the scheduler runs the plan's jobs as <c>jaga run</c>'s does (by the fake clock);
    /// <paramref name="prepare"/> gets the site's folder (the plan's) before it starts, to put the plan's data in.</summary>
    public static async Task<DashboardSite> StartAsync(string planTail = "", string checks = "", bool scheduling = false, Action<string>? prepare = null)
    {
        var site = new DashboardSite(Directory.CreateTempSubdirectory("jaga-dashboard-").FullName, planTail, checks, scheduling);
        prepare?.Invoke(site.Dir);
        await site.StartAgainAsync();
        return site;
    }

    /// <summary>Stops the host (if it runs) and starts a new one on the same folder: the same store and keys.</summary>
    public async Task StartAgainAsync()
    {
        await StopAsync();
        var planPath = Path.Combine(Dir, "jaga.yaml");
        var text = $$"""
            version: 1
            project: dashboard
            timezone: UTC
            language: en
            state: .jaga/state.db
            listen: 127.0.0.1:{{Port}}
            log: { file: logs/maintenance.log }
            monitoring:
              checks:
                - { name: cron, heartbeat: { every: 1h, token: {{Secret}} } }
            {{checks}}
            {{planTail}}
            """;
        await File.WriteAllTextAsync(planPath, text);
        var loaded = PlanFile.LoadText(text, planPath);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        var plan = loaded.Plan!;
        var store = await SqliteStateStore.OpenAsync(Path.Combine(Dir, ".jaga", "state.db"), Clock);
        var journal = new MaintenanceJournal(store, plan, Clock, "test") { Waits = TimeProvider.System };
        scheduler = CompositionRoot.NewScheduler(plan, store, journal, Clock, new ListLogger(SchedulerLog));
        state = new DaemonState(plan, text, store, journal, scheduler, Clock, _ => { }) { RealTime = TimeProvider.System };
        // The plan's services, as the daemon's reloader makes them (without monitoring): runbook runs started from a page use them.
        state.ReplaceServices(CompositionRoot.Compose(plan, store, journal, Clock, TimeProvider.System, RunMode.Command));
        if (scheduling)
        {
            scheduler.Replace(PlanReloader.Jobs(state, plan, journal));
            stopScheduling = new CancellationTokenSource();
            var running = scheduler;
            schedulerRun = Task.Run(() => running.RunAsync(stopScheduling.Token));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Url.ToString());
        builder.Services.AddJagaDashboard(new DashboardOptions { KeysFolder = DashboardKeys.Folder(plan), Clock = Clock, LogScanWindow = LogScanWindow }, _ => new DashboardFeed(state));
        app = builder.Build();
        app.UseJagaDashboard();
        app.MapJagaDashboard();
        await app.StartAsync();
    }

    public async Task AddUserAsync(string name, DashboardRole role) =>
        Assert.True(await Store.Users.AddAsync(new DashboardUser(name, role, Passwords.Hash(Password), 0, null, Clock.GetUtcNow())));

    public async Task<string> AddTokenAsync(string name, DashboardRole role)
    {
        var (token, record) = ApiTokens.Create(name, role, Clock.GetUtcNow());
        await Store.Tokens.AddAsync(record);
        return token;
    }

    /// <summary>What the scheduler logged (its errors say why a job did not run).</summary>
    public List<string> SchedulerLog { get; } = [];

    public string[] LogLines() => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    private async Task StopAsync()
    {
        if (app is not null) await app.DisposeAsync();
        if (schedulerRun is not null)
        {
            await stopScheduling!.CancelAsync();
            await schedulerRun;
            stopScheduling.Dispose();
        }
        if (state is not null)
        {
            await state.Hand.StopAsync(TimeSpan.FromSeconds(30), TimeProvider.System);
            await state.StopMonitoringAsync();
        }
        if (scheduler is not null) await scheduler.DisposeAsync();
        if (state is not null) await state.Store.DisposeAsync();
        schedulerRun = null;
        stopScheduling = null;
        app = null;
        scheduler = null;
        state = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Dir, recursive: true);
    }
}

/// <summary>A logger that keeps each message (with its exception) in a list.</summary>
internal sealed class ListLogger(List<string> lines) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (lines) lines.Add($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
