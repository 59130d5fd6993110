using Microsoft.Extensions.Hosting;

namespace Jaga.Cli.Daemon;

/// <summary>Runs the scheduler for the host's lifetime; on SIGTERM the host stops it, and it drains (running jobs finish
/// within the shutdown timeout, or are recorded as interrupted).</summary>
internal sealed class SchedulerService(DaemonState state) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => state.Scheduler.RunAsync(stoppingToken);
}
