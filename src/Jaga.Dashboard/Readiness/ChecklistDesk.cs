using Jaga.Core.Journal;
using Jaga.Core.Journal.Events.Dashboard;
using Microsoft.Extensions.Hosting;

namespace Jaga.Dashboard.Readiness;

/// <summary>The last readiness checklist gathered for the dashboard, kept in memory: gathering scans the repository for
/// secrets, asks git and probes the application, too slow to repeat on every request. One gathering runs at a time; it is
/// owned here, and the host stops this desk (a hosted service) as it stops, which cancels a gathering under way and waits
/// for it before the host's stop goes on.</summary>
public sealed class ChecklistDesk(IDashboardState state, DashboardOptions options) : IHostedService, IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? running;
    private bool disposed;

    /// <summary>The last checklist gathered; null before the first gathering ends.</summary>
    public GatheredChecklist? Latest { get; private set; }

    /// <summary>Why the last gathering failed (redacted); null when it succeeded.</summary>
    public string? Problem { get; private set; }

    public bool Gathering
    {
        get
        {
            lock (gate) return running is { IsCompleted: false };
        }
    }

    /// <summary>Starts a gathering unless one runs already, and returns the one under way.</summary>
    public Task GatherAsync() => Gather(out _);

    /// <summary>"Gather again" pressed by <paramref name="user"/>: starts a gathering unless one runs already, and records
    /// the press either way (one log line and one audit entry), saying when it joined the gathering under way. The
    /// gathering is not awaited: the desk owns it and the host awaits it when it stops.</summary>
    public async Task GatherAgainAsync(string user, CancellationToken ct)
    {
        _ = Gather(out var joined);
        JournalEvent pressed = joined ? new DashboardChecklistGatherJoined(user) : new DashboardChecklistGathered(user);
        // Not the request's token: a press that was made is recorded even when the browser goes away at once.
        await state.Journal.RecordAsync(pressed with { Data = new Dictionary<string, string> { ["user"] = user } }, user, CancellationToken.None);
    }

    private Task Gather(out bool joined)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            joined = running is { IsCompleted: false };
            if (!joined) running = RunAsync();
            return running!;
        }
    }

    /// <summary>The last checklist gathered; the first request gathers it (and waits for it), the later ones read it.</summary>
    public async Task<GatheredChecklist?> CurrentAsync(CancellationToken ct)
    {
        // A gathering that failed counts as gathered (its problem shows): only "Gather again" tries anew, not every view.
        if (Latest is null && Problem is null) await GatherAsync().WaitAsync(ct);
        return Latest;
    }

    private async Task RunAsync()
    {
        // Off the caller's thread: the request that started it returns at once.
        await Task.Yield();
        var at = options.Clock.GetUtcNow();
        try
        {
            var report = await state.GatherChecklistAsync(stopping.Token);
            Latest = new GatheredChecklist(report, at);
            Problem = null;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host stops: nothing to keep.
        }
        catch (Exception e)
        {
            // Shown on the page: the gathering is the page's own work, and nobody else awaits it.
            Problem = state.Redact(e.Message);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        Task? under;
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            under = running;
        }
        await stopping.CancelAsync();
        if (under is not null) await under;
        stopping.Dispose();
    }
}
