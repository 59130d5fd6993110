using Jaga.Core.Ports;

namespace Jaga.Core.Adapters;

/// <summary>A scratch restore target that removes itself when disposed.</summary>
public sealed class ScratchTarget(IRestoreTarget target, Func<ValueTask> remove) : IAsyncDisposable
{
    public IRestoreTarget Target => target;

    public ValueTask DisposeAsync() => remove();
}
