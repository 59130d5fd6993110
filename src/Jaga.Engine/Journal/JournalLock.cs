using Polly;
using Polly.Retry;

namespace Jaga.Engine.Journal;

/// <summary>A cross-process lock on a file beside the maintenance log, so that the chain's order and the file's order are the same.</summary>
/// <remarks>A separate lock file (not the log itself) keeps readers such as <c>tail -f</c> and <c>jaga audit verify</c> out of the way.</remarks>
internal sealed class JournalLock : IDisposable
{
    /// <summary>How long a writer waits for another to let go before the act fails.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly FileStream stream;

    private JournalLock(FileStream stream) => this.stream = stream;

    /// <param name="logPath">The maintenance log.</param>
    /// <param name="waits">The clock of the waits between tries: real time (another process holds the lock, not the plan).</param>
    /// <param name="ct">Gives up waiting.</param>
    public static async Task<JournalLock> AcquireAsync(string logPath, TimeProvider waits, CancellationToken ct)
    {
        var lockPath = Path.Combine(Path.GetDirectoryName(logPath)!, "." + Path.GetFileName(logPath) + ".lock");
        try
        {
            // Mostly free: no retry pipeline is built for a lock taken at the first try.
            return Open(lockPath);
        }
        catch (IOException)
        {
        }
        return await Retry(waits).ExecuteAsync(static (path, _) => ValueTask.FromResult(Open(path)), lockPath, ct);
    }

    private static JournalLock Open(string lockPath) => new(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));

    /// <summary>Tries again while another writer holds the lock: 1 ms, 2 ms, 4 ms … then every 50 ms, for at most
    /// <see cref="Patience"/>; then the last IOException is the act's failure.</summary>
    private static ResiliencePipeline Retry(TimeProvider waits)
    {
        var started = waits.GetTimestamp();
        return new ResiliencePipelineBuilder { TimeProvider = waits }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is IOException && waits.GetElapsedTime(started) < Patience),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(TimeSpan.FromMilliseconds(Math.Min(1 << Math.Min(args.AttemptNumber, 6), 50))),
            })
            .Build();
    }

    public void Dispose() => stream.Dispose();
}
