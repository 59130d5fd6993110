using System.Runtime.InteropServices;

namespace Jaga.Engine.Backup.Zstd;

/// <summary>A native compression context, freed when disposed or, for a pipeline abandoned part way, when finalized:
/// it holds native memory (and zstd's worker threads) that the garbage collector does not see.</summary>
internal sealed class ZstdContext : SafeHandle
{
    public ZstdContext()
        : base(0, ownsHandle: true) => SetHandle(NativeZstd.ZSTD_createCCtx());

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        NativeZstd.ZSTD_freeCCtx(handle);
        return true;
    }
}
