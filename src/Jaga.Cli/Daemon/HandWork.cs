using Jaga.Dashboard.Backups;

namespace Jaga.Cli.Daemon;

/// <summary>Work a user started from the dashboard that is not a scheduler run (a verification of the newest backup): at
/// most one per key at a time, owned here, and awaited when the daemon stops (the shutdown timeout, then cancelled), so it is
/// never a task left to itself.</summary>
internal sealed class HandWork : IDisposable
{
    private readonly Dictionary<string, Task> running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private bool stopped;

    /// <summary>Whether work under <paramref name="key"/> is going on.</summary>
    public bool Busy(string key)
    {
        lock (gate) return running.ContainsKey(key);
    }

    /// <summary>Starts <paramref name="work"/> under <paramref name="key"/> unless work under it is going on or the daemon stops.
    /// The work handles its own failures; anything it lets escape goes to <paramref name="failed"/>.</summary>
    public BackupAct TryStart(string key, Func<CancellationToken, Task> work, Action<Exception> failed)
    {
        lock (gate)
        {
            if (stopped) return BackupAct.Stopping;
            if (running.ContainsKey(key)) return BackupAct.Busy;
            // Added under the lock the work's end takes too: the key is in the table before its end removes it.
            running[key] = Task.Run(async () =>
            {
                try
                {
                    await work(stopping.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    failed(e);
                }
                catch (OperationCanceledException)
                {
                    // Stopped with the daemon.
                }
                finally
                {
                    lock (gate) running.Remove(key);
                }
            }, CancellationToken.None);
            return BackupAct.Started;
        }
    }

    /// <summary>Takes no new work, gives what runs <paramref name="grace"/> to finish, then cancels it and waits for its end.</summary>
    public async Task StopAsync(TimeSpan grace, TimeProvider clock)
    {
        Task[] all;
        lock (gate)
        {
            stopped = true;
            all = [.. running.Values];
        }
        var done = Task.WhenAll(all);
        await Task.WhenAny(done, Task.Delay(grace, clock));
        await stopping.CancelAsync();
        await done;
    }

    public void Dispose() => stopping.Dispose();
}
