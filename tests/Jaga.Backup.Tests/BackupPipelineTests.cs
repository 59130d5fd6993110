using Jaga.Core.Plan;
using System.Security.Cryptography;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Engine.Backup.Destinations;
using Jaga.Engine.Backup.Pipeline;

namespace Jaga.Backup.Tests;

public sealed class BackupPipelineTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-pipeline-").FullName;

    [Fact]
    public async Task Every_destination_receives_the_same_bytes_and_the_checksum_is_of_those_bytes()
    {
        var a = new LocalDestination("a", Path.Combine(dir, "a"));
        var b = new LocalDestination("b", Path.Combine(dir, "b"));
        var writers = new[] { new DestinationWriter(a), new DestinationWriter(b) };
        foreach (var w in writers) w.Upload = await w.Destination.BeginAsync("x.bin.zst");
        var data = RandomNumberGenerator.GetBytes(5 * 1024 * 1024 + 17);

        var result = await BackupPipeline.RunAsync(new BytesSource(data), writers, Compression.Zstd, null, null, null, CancellationToken.None);
        foreach (var w in writers) await w.Upload!.CommitAsync();

        var stored = File.ReadAllBytes(Path.Combine(dir, "a", "x.bin.zst"));
        Assert.Equal(stored, File.ReadAllBytes(Path.Combine(dir, "b", "x.bin.zst")));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored)), result.Sha256);
        Assert.Equal(stored.Length, result.Size);
        Assert.Equal(data.Length, result.SourceBytes);
        await using var back = CompressionStreams.Decompress(new MemoryStream(stored), Compression.Zstd);
        using var plain = new MemoryStream();
        await back.CopyToAsync(plain);
        Assert.Equal(data, plain.ToArray());
    }

    [Fact]
    public async Task A_destination_failing_mid_stream_is_dropped_and_the_others_go_on()
    {
        var good = new DestinationWriter(new LocalDestination("good", Path.Combine(dir, "good")));
        var bad = new DestinationWriter(new FailingDestination(afterBytes: 2 * 1024 * 1024));
        foreach (var w in new[] { good, bad }) w.Upload = await w.Destination.BeginAsync("x.bin");
        var data = RandomNumberGenerator.GetBytes(6 * 1024 * 1024);

        var result = await BackupPipeline.RunAsync(new BytesSource(data), [good, bad], Compression.None, null, null, null, CancellationToken.None);

        Assert.True(good.Live);
        Assert.False(bad.Live);
        Assert.Contains("disk on fire", bad.Failure, StringComparison.Ordinal);
        Assert.True(((FailingDestination)bad.Destination).Aborted);
        await good.Upload!.CommitAsync();
        Assert.Equal(data, File.ReadAllBytes(Path.Combine(dir, "good", "x.bin")));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), result.Sha256);
    }

    [Fact]
    public async Task When_every_destination_fails_the_source_is_stopped_with_their_reasons()
    {
        var bad = new DestinationWriter(new FailingDestination(afterBytes: 1024 * 1024));
        bad.Upload = await bad.Destination.BeginAsync("x.bin");
        var source = new BytesSource(RandomNumberGenerator.GetBytes(64 * 1024 * 1024));

        var e = await Assert.ThrowsAsync<IOException>(() => BackupPipeline.RunAsync(source, [bad], Compression.None, null, null, null, CancellationToken.None));

        Assert.Contains("failing: disk on fire", e.Message, StringComparison.Ordinal);
        Assert.True(source.Written < 64 * 1024 * 1024, "the source should stop early, not run to the end");
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>A source of given bytes, written in 64 KiB pieces as a dump tool's pipe would deliver them.</summary>
    private sealed class BytesSource(byte[] data) : IBackupSource
    {
        public long Written { get; private set; }

        public SourceKind Kind => SourceKind.Files;

        public string Extension => ".bin";

        public async Task<SourceSnapshot> WriteAsync(Stream output, CancellationToken ct = default)
        {
            for (var i = 0; i < data.Length; i += 65536)
            {
                var n = Math.Min(65536, data.Length - i);
                await output.WriteAsync(data.AsMemory(i, n), ct);
                Written += n;
            }
            return new SourceSnapshot(null, new Dictionary<string, string>(), new Dictionary<string, long>());
        }
    }

    /// <summary>A destination whose uploads fail after some bytes, as a disk filling up would.</summary>
    private sealed class FailingDestination(long afterBytes) : IBackupDestination
    {
        public bool Aborted { get; private set; }

        public string Name => "failing";

        public string Description => "a destination that fails";

        public Task<IArtifactUpload> BeginAsync(string name, CancellationToken ct = default) => Task.FromResult<IArtifactUpload>(new Upload(this, afterBytes));

        public Task<Stream> OpenReadAsync(string name, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<StoredObject>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<StoredObject>>([]);

        public Task<bool> DeleteAsync(string name, CancellationToken ct = default) => Task.FromResult(false);

        public Task<IReadOnlyList<Leftover>> ListLeftoversAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<Leftover>>([]);

        public Task RemoveLeftoverAsync(Leftover leftover, CancellationToken ct = default) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private sealed class Upload(FailingDestination owner, long limit) : IArtifactUpload
        {
            private long written;

            public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default)
            {
                written += data.Length;
                return written > limit ? throw new DestinationException("failing", "disk on fire", transient: false) : ValueTask.CompletedTask;
            }

            public Task CommitAsync(CancellationToken ct = default) => Task.CompletedTask;

            public Task AbortAsync(CancellationToken ct = default)
            {
                owner.Aborted = true;
                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
