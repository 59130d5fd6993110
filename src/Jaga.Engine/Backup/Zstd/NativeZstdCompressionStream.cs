using System.Buffers;

namespace Jaga.Engine.Backup.Zstd;

/// <summary>Compresses what is written into <c>output</c> as one standard zstd frame with the system's libzstd;
/// disposing writes the frame's end. The output stays open. Write-only, like the managed port's stream it replaces.</summary>
internal sealed class NativeZstdCompressionStream : Stream
{
    private readonly Stream output;
    private readonly ZstdContext cctx = new();
    // Pinned once, so that libzstd may write into it between awaits without a fixed block.
    private readonly byte[] outBuffer;
    private bool ended;

    // No ZSTD_c_nbWorkers: on the 2-core machine of docs/benchmarks.md (Step 11) one worker cost 0.1 s more CPU per
    // 194 MB and was no faster, since the backup pipeline already compresses on a thread of its own beside pg_dump.
    public NativeZstdCompressionStream(Stream output, int level)
    {
        this.output = output;
        if (cctx.IsInvalid) throw new IOException("zstd could not allocate a compression context");
        NativeZstd.Check(NativeZstd.ZSTD_CCtx_setParameter(cctx, NativeZstd.CompressionLevel, level), "setting the level");
        outBuffer = GC.AllocateUninitializedArray<byte>((int)NativeZstd.ZSTD_CStreamOutSize(), pinned: true);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !ended;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            var input = new NativeZstd.Buffer { Data = (nint)p, Size = (nuint)buffer.Length };
            while (input.Pos < input.Size)
            {
                var n = Step(ref input, NativeZstd.Continue, out _);
                if (n > 0) output.Write(outBuffer, 0, n);
            }
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var pin = buffer.Pin();
        var input = new NativeZstd.Buffer { Data = Address(pin), Size = (nuint)buffer.Length };
        while (input.Pos < input.Size)
        {
            var n = Step(ref input, NativeZstd.Continue, out _);
            if (n > 0) await output.WriteAsync(outBuffer.AsMemory(0, n), cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    /// <summary>One call of ZSTD_compressStream2 into the output buffer; returns how many bytes it wrote there, and in
    /// <paramref name="left"/> what libzstd still holds to write (0 once a frame's end is all out).</summary>
    private unsafe int Step(ref NativeZstd.Buffer input, int directive, out nuint left)
    {
        fixed (byte* o = outBuffer)
        {
            var outputBuffer = new NativeZstd.Buffer { Data = (nint)o, Size = (nuint)outBuffer.Length };
            left = NativeZstd.Check(NativeZstd.ZSTD_compressStream2(cctx, ref outputBuffer, ref input, directive), "compression");
            return (int)outputBuffer.Pos;
        }
    }

    private static unsafe nint Address(MemoryHandle pinned) => (nint)pinned.Pointer;

    private int EndStep(out nuint left)
    {
        var none = default(NativeZstd.Buffer);
        return Step(ref none, NativeZstd.End, out left);
    }

    protected override void Dispose(bool disposing)
    {
        try
        {
            if (disposing && !ended)
            {
                ended = true;
                nuint left;
                do
                {
                    var n = EndStep(out left);
                    if (n > 0) output.Write(outBuffer, 0, n);
                }
                while (left > 0);
            }
        }
        finally
        {
            cctx.Dispose();
            base.Dispose(disposing);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (!ended)
        {
            ended = true;
            nuint left;
            do
            {
                var n = EndStep(out left);
                if (n > 0) await output.WriteAsync(outBuffer.AsMemory(0, n));
            }
            while (left > 0);
        }
        // Dispose(true), with the frame ended: frees the context.
        await base.DisposeAsync();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
