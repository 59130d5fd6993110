using Jaga.Engine.Updates.Apply;

namespace Jaga.Updates.Tests.Apply;

/// <summary>Keeps every progress report, in order, as it comes (an IProgress without a synchronization context).</summary>
internal sealed class ProgressLog(List<UpdateProgress> into) : IProgress<UpdateProgress>
{
    public void Report(UpdateProgress value)
    {
        lock (into) into.Add(value);
    }
}
