using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup.Pipeline;

/// <summary>source → compress → encrypt → SHA-256 → destinations, streaming: nothing is held whole in memory or on disk.
/// Three threads share the work: the source's copy loop, compression with encryption and hashing, and the destinations'
/// writes, with bounded queues between them (ChunkQueue).</summary>
internal static class BackupPipeline
{
    public static async Task<PipelineResult> RunAsync(
        IBackupSource source, IReadOnlyList<DestinationWriter> writers, Compression compress, BackupEncryption? encryption,
        Action<long>? read, Action<long>? stored, CancellationToken ct)
    {
        using var fan = new FanOutStream(writers, stored, ct);
        HandOffStream? handOff = null;
        try
        {
            var sealing = encryption?.Open(fan);
            var compressing = CompressionStreams.Compress(sealing ?? fan, compress);
            handOff = new HandOffStream(compressing, ct);
            await using var counting = new CountingStream(handOff, read);
            var snapshot = await source.WriteAsync(counting, ct);
            await handOff.CompleteAsync();
            // Closing each stage writes its end: the zstd/gzip frame's, then age's last chunk.
            await compressing.DisposeAsync();
            if (sealing is not null) await sealing.DisposeAsync();
            var sha256 = await fan.CompleteAsync();
            return new PipelineResult(snapshot, counting.Count, fan.Length64, sha256);
        }
        catch
        {
            if (handOff is not null) await handOff.AbandonAsync();
            await fan.AbandonAsync();
            throw;
        }
        finally
        {
            handOff?.Dispose();
        }
    }
}

/// <summary>What the pipeline produced: the source's snapshot, bytes read from the source, bytes stored, and their SHA-256.</summary>
internal sealed record PipelineResult(SourceSnapshot Snapshot, long SourceBytes, long Size, string Sha256);
