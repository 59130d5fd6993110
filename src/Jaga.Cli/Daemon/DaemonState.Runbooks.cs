using Jaga.Engine.Emergency.Runbooks;

namespace Jaga.Cli.Daemon;

/// <summary>The runbook runs a person started from the dashboard: owned by the daemon, not by the request that started them.
/// Each runs under the daemon's stop (<see cref="StopMonitoringAsync"/> interrupts them, so each can be resumed) and is
/// awaited before the plan's services are disposed.</summary>
internal sealed partial class DaemonState
{
    private readonly List<Task> runs = [];
    private readonly CancellationTokenSource runsStopping = new();

    /// <summary>Starts <paramref name="drive"/> as a run owned here; a fault is logged (the run's lease runs out and it is
    /// found as it is), never thrown at a request.</summary>
    public Task<RunbookOutcome> StartRun(Func<CancellationToken, Task<RunbookOutcome>> drive)
    {
        var token = runsStopping.Token;
        var run = Task.Run(() => drive(token), CancellationToken.None);
        lock (runs)
        {
            runs.RemoveAll(t => t.IsCompleted);
            runs.Add(run.ContinueWith(Settle, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
        }
        return run;
    }

    private void Settle(Task<RunbookOutcome> run)
    {
        if (run.IsFaulted)
            Microsoft.Extensions.Logging.LoggerExtensions.LogError(Logger, "a runbook run stopped: {Reason}", Plan.Redactor.Redact(run.Exception!.GetBaseException().Message));
    }

    /// <summary>At the start of the daemon's stop: the runbook runs started from the dashboard are interrupted now (each
    /// can be resumed), while the scheduler drains, rather than after it. <see cref="StopMonitoringAsync"/> awaits them.</summary>
    public void InterruptRuns() => runsStopping.Cancel();

    private async Task StopRunsAsync()
    {
        List<Task> all;
        lock (runs) all = [.. runs];
        await Task.WhenAll(all);
    }
}
