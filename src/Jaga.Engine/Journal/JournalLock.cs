namespace Jaga.Engine.Journal;

/// <summary>A cross-process lock on a file beside the maintenance log, so that the chain's order and the file's order are the same.</summary>
/// <remarks>A separate lock file (not the log itself) keeps readers such as <c>tail -f</c> and <c>jaga audit verify</c> out of the way.</remarks>
internal sealed class JournalLock : IDisposable
{
    private readonly FileStream stream;

    private JournalLock(FileStream stream) => this.stream = stream;

    public static async Task<JournalLock> AcquireAsync(string logPath, CancellationToken ct)
    {
        var lockPath = Path.Combine(Path.GetDirectoryName(logPath)!, "." + Path.GetFileName(logPath) + ".lock");
        var delay = 1;
        var deadline = Environment.TickCount64 + 120_000;
        while (true)
        {
            try
            {
                return new JournalLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                await Task.Delay(delay, ct);
                delay = Math.Min(delay * 2, 50);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
