using Jaga.Core.Ports;

namespace Jaga.Core.Adapters;

/// <summary>A scratch restore target that removes itself when disposed.</summary>
/// <param name="target">Restores into the scratch target and counts what it holds.</param>
/// <param name="remove">Removes it (drops the database, deletes the file or folder).</param>
/// <param name="address">Where a program finds it: a <c>postgres://</c> URL (with its password: a secret, to be masked in
/// any output), a file or a folder path. A restore drill's test command gets it as <c>JAGA_DRILL_TARGET</c>.</param>
public sealed class ScratchTarget(IRestoreTarget target, Func<ValueTask> remove, string? address = null) : IAsyncDisposable
{
    public IRestoreTarget Target => target;

    public string? Address => address;

    public ValueTask DisposeAsync() => remove();
}
