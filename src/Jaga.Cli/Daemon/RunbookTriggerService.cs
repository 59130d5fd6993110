using Jaga.Engine.Emergency.Runbooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jaga.Cli.Daemon;

/// <summary>The daemon's runbook triggers: every two seconds it looks at the open incidents and starts the runbooks whose
/// trigger fired (once per incident, across nodes), and takes over the runs whose driver died. The runs it starts are owned
/// here: at shutdown they are interrupted (each can be resumed) and awaited before the plan's services are disposed.</summary>
internal sealed class RunbookTriggerService(DaemonState state, ILogger<RunbookTriggerService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runs = new List<Task<RunbookOutcome?>>();
        RunbookTriggers? triggers = null;
        Composition.PlanServices? current = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(Tick, state.RealTime, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                if (state.Services is not { } services) continue;
                if (!ReferenceEquals(services, current))
                {
                    // A reloaded plan: its runbooks and triggers. The store keeps a started incident's run from starting again.
                    current = services;
                    triggers = new RunbookTriggers(services.Runbooks(state.Scheduler.Node));
                }
                try
                {
                    runs.AddRange(await triggers!.TickAsync(stoppingToken, stoppingToken));
                }
                catch (Exception e) when (e is Core.Errors.StoreUnavailableException or IOException)
                {
                    logger.LogWarning("runbook triggers: the state store is away ({Reason}); looking again shortly", state.Plan.Redactor.Redact(e.Message));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                Settle(runs, all: false);
            }
        }
        finally
        {
            try
            {
                await Task.WhenAll(runs);
            }
            catch (Exception)
            {
                // Each failure is logged below.
            }
            Settle(runs, all: true);
        }
    }

    /// <summary>Forgets the runs that ended, logging the ones that ended by an exception (a store that went away mid-run: the
    /// run's lease runs out and it is taken over).</summary>
    private void Settle(List<Task<RunbookOutcome?>> runs, bool all)
    {
        foreach (var done in runs.Where(t => t.IsCompleted || all).ToList())
        {
            if (done.IsFaulted) logger.LogError("a runbook run stopped: {Reason}", state.Plan.Redactor.Redact(done.Exception!.GetBaseException().Message));
            runs.Remove(done);
        }
    }
}
