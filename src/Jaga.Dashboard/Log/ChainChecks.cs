using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Engine.Audit;
using Microsoft.Extensions.Hosting;

namespace Jaga.Dashboard.Log;

/// <summary>One verification of the audit chain started from the log page: who asked, when, and how it ended.</summary>
public sealed class ChainCheck
{
    internal ChainCheck(string user, DateTimeOffset started)
    {
        User = user;
        Started = started;
    }

    public string User { get; }

    public DateTimeOffset Started { get; }

    /// <summary>The verification; it ends with its report, or with the failure that stopped it (a store outage, a bad key).</summary>
    public Task<AuditReport> Work { get; internal set; } = Task.FromResult(new AuditReport(0, null, [], []));

    public bool Done => Work.IsCompleted;
}

/// <summary>The log page's "verify chain": one verification at a time for the whole dashboard (a second press while one runs
/// shows that one), run off the request thread as work the host owns, so a long chain never holds a request; the host's stop
/// cancels it and waits for it to end. The last one is kept to show its outcome.</summary>
public sealed class ChainChecks(IDashboardState state, DashboardOptions options) : IHostedService, IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private ChainCheck? last;
    private int disposed;

    /// <summary>The running verification, or the last one to end; none before the first.</summary>
    public ChainCheck? Last
    {
        get
        {
            lock (gate) return last;
        }
    }

    /// <summary>"Verify chain" pressed by <paramref name="user"/>: starts a verification, unless one runs: then that one,
    /// and the press is recorded as joining it (one log line and one audit entry), since the verification records its
    /// outcome only with the name of who started it.</summary>
    public async Task<ChainCheck> StartAsync(string user, CancellationToken ct)
    {
        ChainCheck? running = null;
        lock (gate)
        {
            if (last is { Done: false }) running = last;
            else
            {
                ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
                var check = new ChainCheck(user, options.Clock.GetUtcNow());
                check.Work = Task.Run(() => VerifyAsync(user), stopping.Token);
                return last = check;
            }
        }
        await state.Journal.RecordAsync(new DashboardChainVerifyJoined(user, running.User)
        {
            Data = new Dictionary<string, string> { ["user"] = user, ["started_by"] = running.User },
        }, user, CancellationToken.None);
        return running;
    }

    /// <summary>The verification, which records its outcome; when it stops before that (the store fails, the key cannot be
    /// read), the failure is recorded here instead, so the press still leaves its entry.</summary>
    private async Task<AuditReport> VerifyAsync(string user)
    {
        try
        {
            return await state.VerifyChainAsync(user, stopping.Token);
        }
        catch (Exception e) when (!(e is OperationCanceledException && stopping.IsCancellationRequested))
        {
            var reason = state.Redact(e.Message);
            try
            {
                await state.Journal.RecordAsync(new DashboardChainVerifyFailed(user, reason)
                {
                    Data = new Dictionary<string, string> { ["user"] = user, ["error"] = reason },
                }, user, CancellationToken.None);
            }
            catch (Exception again) when (again is not OperationCanceledException)
            {
                // The journal fails as the store did: the page still shows the first failure, which is what the user needs.
            }
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        // Its outcome (a cancellation, a failure) was the page's to show; at shutdown only its end matters.
        if (Last is { } check) await Task.WhenAny(check.Work, Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken));
    }

    /// <summary>Stops as <see cref="StopAsync"/> does; once, though the container disposes it as itself and as a hosted service.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        await StopAsync(CancellationToken.None);
        stopping.Dispose();
    }
}
