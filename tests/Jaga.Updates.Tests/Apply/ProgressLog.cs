using Jaga.Engine.Updates.Apply;

namespace Jaga.Updates.Tests.Apply;

/// <summary>Keeps every progress report, in order, as it comes (an IProgress without a synchronization context), and
/// lets a test act on one.</summary>
internal sealed class ProgressLog(List<UpdateProgress> into, Action<UpdateProgress>? then = null) : IProgress<UpdateProgress>
{
    public void Report(UpdateProgress value)
    {
        lock (into) into.Add(value);
        then?.Invoke(value);
    }
}
