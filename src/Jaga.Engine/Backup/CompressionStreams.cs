using System.IO.Compression;
using Jaga.Core.Plan;
using Jaga.Engine.Backup.Zstd;
using ZstdSharp;

namespace Jaga.Engine.Backup;

/// <summary>The compressions a backup can use (<c>compress: none | gzip | zstd</c>), as streams in the standard
/// formats, so that <c>gzip -d</c> and <c>zstd -d</c> restore them without Jaga.</summary>
public static class CompressionStreams
{
    /// <summary>A stream that compresses into <paramref name="output"/>; dispose it to finish the frame. The output stays open.</summary>
    public static Stream Compress(Stream output, Compression kind, int level = 3) => kind switch
    {
        Compression.None => new NonClosing(output),
        Compression.Gzip => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
        // The system's libzstd when it is there (see NativeZstd for why), else the port: the same format.
        Compression.Zstd => NativeZstd.Available
            ? new NativeZstdCompressionStream(output, level)
            : ManagedZstd(output, level),
    };

    /// <summary>The managed port's compression, used where libzstd is missing (and by the tests, to check both agree).</summary>
    internal static Stream ManagedZstd(Stream output, int level) => new CompressionStream(output, level, leaveOpen: true);

    /// <summary>A stream of the decompressed content of <paramref name="input"/>.</summary>
    public static Stream Decompress(Stream input, Compression kind) => kind switch
    {
        Compression.None => new NonClosing(input),
        Compression.Gzip => new GZipStream(input, CompressionMode.Decompress, leaveOpen: true),
        Compression.Zstd => new DecompressionStream(input, leaveOpen: true),
    };

    /// <summary>Passes everything through but leaves the inner stream open when disposed, like the other two.</summary>
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
