using Jaga.Cli.Composition;
using Jaga.Core.Journal.Events.Daemon;
using Jaga.Core.Ledger;
using Jaga.Dashboard;
using Jaga.Engine.Journal;
using Jaga.Engine.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jaga.Cli.Daemon;

/// <summary><c>jaga run</c>: the long-running process. One ASP.NET Core host carries the scheduler, the plan reloader and
/// the HTTP endpoints; under systemd it speaks <c>Type=notify</c> and leaves the time and level of its lines to journald (<see cref="ConsoleLines"/>); SIGTERM stops it gracefully.</summary>
internal static class JagaDaemon
{
    /// <summary>Time the host allows for stopping beyond the scheduler's shutdown timeout (abandoning hung jobs, recording).</summary>
    private static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(CliContext ctx)
    {
        var (plan, store, _) = await ctx.OpenAsync();
        await using var __ = store;
        var text = Engine.Planning.PlanFile.Read(plan.File) ?? "";
        var settings = plan.Plan.Scheduler;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = plan.Directory, Args = [] });
        builder.Host.UseSystemd();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout + StopMargin);
        builder.Logging.ClearProviders();
        // The seed's format on a console, the bare message with its priority under journald (ConsoleLines).
        builder.Logging.AddProvider(new ConsoleLines(ctx.Output.Out, ConsoleLines.ToJournal(Environment.GetEnvironmentVariable), ctx.Clock, plan.Plan.Timezone));
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // The host logs a failed start (a port in use: the user's to fix, reported below without a stack trace) at Error;
        // a crashed part still reaches the log at Critical, with its stack trace, as the host stops.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.WebHost.UseUrls("http://" + plan.Plan.Listen);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        // The state is made once the host exists, so the scheduler logs through the host's logging (journald under systemd).
        DaemonState? state = null;
        builder.Services.AddSingleton(_ => state!);
        builder.Services.AddHostedService<SchedulerService>();
        builder.Services.AddHostedService<RunbookTriggerService>();
        PingEndpoints.AddServices(builder.Services);
        builder.Services.AddJagaDashboard(new DashboardOptions { KeysFolder = DashboardKeys.Folder(plan), Clock = ctx.Clock }, _ => new DashboardFeed(state!));
        builder.Services.AddHostedService(sp => new PlanReloader(state!, sp.GetRequiredService<ILogger<PlanReloader>>(), CliContext.Actor));

        await using var app = builder.Build();
        var echo = Echo(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Jaga.MaintenanceLog"));
        var journal = new MaintenanceJournal(store, plan, ctx.Clock, CliContext.Actor) { Recorded = echo, Waits = ctx.RealTime };
        await using var scheduler = CompositionRoot.NewScheduler(plan, store, journal, ctx.Clock, app.Services.GetRequiredService<ILogger<Scheduler>>());
        state = new DaemonState(plan, text, store, journal, scheduler, ctx.Clock, echo)
        {
            Logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Jaga.Monitoring"),
            RealTime = ctx.RealTime,
        };
        scheduler.Replace(PlanReloader.Jobs(state, plan, journal));
        // Security headers and sign-in come first, so every endpoint passes through them; the dashboard's own pages need a
        // session, the health, heartbeat and metrics endpoints say AllowAnonymous.
        app.UseJagaDashboard();
        HealthEndpoints.Map(app, state);
        PingEndpoints.Map(app, state);
        MetricsEndpoint.Map(app, state);
        app.MapJagaDashboard();

        // The password only on a terminal: a service's output is kept (journald), so there it goes to a 0600 file instead.
        var admin = await FirstAdmin.EnsureAsync(state, ctx.Messages(plan), $"http://{plan.Plan.Listen}/",
            plan.BesideState(FirstAdmin.FileName), !Console.IsOutputRedirected, CancellationToken.None);
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            // Kestrel reports a port in use as an IOException: the user's to fix in `listen:`. The admin made above is
            // still shown, as its password is nowhere else.
            admin?.Invoke(ctx.Output);
            throw new UserError($"cannot listen on {plan.Plan.Listen}: {e.Message.TrimEnd('.')}", "change 'listen:' in the plan or stop what uses the port");
        }
        await journal.RecordAsync(new DaemonStarted(scheduler.Node, scheduler.Jobs.Count, plan.Plan.Listen)
        {
            Data = new Dictionary<string, string> { ["node"] = scheduler.Node, ["plan_sha256"] = plan.Sha256, ["listen"] = plan.Plan.Listen },
        });
        // The plan's warnings, as validate prints them (a heartbeat without a token on a reachable address, …).
        foreach (var warning in plan.Warnings) ctx.Output.Error("warning: " + warning);
        ctx.Output.Line($"jaga run: node {scheduler.Node}, {scheduler.Jobs.Count} job(s); http://{plan.Plan.Listen}/metrics");
        admin?.Invoke(ctx.Output);
        // The stop's one budget: the work a person started from the dashboard gets the same shutdown_timeout as the
        // scheduler's jobs, at the same time, not after them, so the whole stop fits systemd's TimeoutStopSec.
        Task? handStopped = null;
        using (app.Lifetime.ApplicationStopping.Register(() =>
        {
            handStopped = state.Hand.StopAsync(settings.ShutdownTimeout, ctx.Clock);
            state.InterruptRuns();
        }))
        {
            await app.WaitForShutdownAsync();
        }
        // Before the plan's services are disposed: a verification started from the dashboard uses them.
        await (handStopped ?? state.Hand.StopAsync(settings.ShutdownTimeout, ctx.Clock));
        await state.StopMonitoringAsync();
        // A part that crashed stopped the host: a bug. The host logged its stack trace; the maintenance log gets an ERROR
        // line, and the exit code says so, so the service manager sees a failure and restarts it.
        var crashed = app.Services.GetServices<IHostedService>().OfType<BackgroundService>().Where(s => s.ExecuteTask?.IsFaulted == true).ToList();
        foreach (var part in crashed)
        {
            var bug = part.ExecuteTask!.Exception!.GetBaseException();
            await state.Journal.RecordTextAsync(Severity.Error, "daemon.bug", $"jaga run: {part.GetType().Name} stopped by a bug: {bug.GetType().Name}: {bug.Message}", ct: CancellationToken.None);
        }
        await state.Journal.RecordAsync(new DaemonStopped(scheduler.Node), ct: CancellationToken.None);
        return crashed.Count > 0 ? ExitCodes.Bug : ExitCodes.Ok;
    }

    /// <summary>Every maintenance-log line also goes to the daemon's own log (stdout, journald under systemd) at its level.</summary>
    private static Action<AuditEntry> Echo(ILogger logger) => e =>
    {
        var level = e.Level switch { Severity.Error => LogLevel.Error, Severity.Warn => LogLevel.Warning, _ => LogLevel.Information };
        // The entry itself is the state, so the console shows its line as the log file has it (ConsoleLines).
        if (logger.IsEnabled(level)) logger.Log(level, default, e, null, (entry, _) => entry.Line);
    };
}
