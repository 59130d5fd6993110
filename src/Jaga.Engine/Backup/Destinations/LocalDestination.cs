using Jaga.Core.Backup;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup.Destinations;

/// <summary>A folder on this machine. Objects are written under a hidden temporary name beside their final name,
/// flushed to disk, then renamed: a crash leaves a leftover, never a half-written object under a real name.</summary>
public sealed class LocalDestination : IBackupDestination
{
    private readonly string root;

    public LocalDestination(string name, string root)
    {
        Name = name;
        this.root = Path.GetFullPath(root);
    }

    public string Name { get; }

    public string Description => root;

    public Task<IArtifactUpload> BeginAsync(string name, CancellationToken ct = default)
    {
        var target = PathOf(name);
        try
        {
            Directory.CreateDirectory(root);
            if (File.Exists(target)) throw new DestinationException(Name, $"{Name}: {name} already exists in {root}", transient: false);
            var temp = Path.Combine(root, PartialName.For(name));
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            return Task.FromResult<IArtifactUpload>(new Upload(this, stream, temp, target));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failed(e);
        }
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken ct = default)
    {
        try
        {
            return Task.FromResult<Stream>(new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failed(e);
        }
    }

    public Task<IReadOnlyList<StoredObject>> ListAsync(CancellationToken ct = default)
    {
        if (!Directory.Exists(root)) return Task.FromResult<IReadOnlyList<StoredObject>>([]);
        var found = new DirectoryInfo(root).EnumerateFiles()
            .Where(f => !PartialName.Is(f.Name))
            .Select(f => new StoredObject(f.Name, f.Length))
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<StoredObject>>(found);
    }

    public Task<bool> DeleteAsync(string name, CancellationToken ct = default)
    {
        var path = PathOf(name);
        if (!File.Exists(path)) return Task.FromResult(false);
        try
        {
            File.Delete(path);
            return Task.FromResult(true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failed(e);
        }
    }

    public Task<IReadOnlyList<Leftover>> ListLeftoversAsync(CancellationToken ct = default)
    {
        if (!Directory.Exists(root)) return Task.FromResult<IReadOnlyList<Leftover>>([]);
        var found = new DirectoryInfo(root).EnumerateFiles("*" + PartialName.Suffix).Where(f => PartialName.Is(f.Name))
            .Select(f => new Leftover(PartialName.Intended(f.Name), f.Name, new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero)))
            .ToList();
        return Task.FromResult<IReadOnlyList<Leftover>>(found);
    }

    public Task RemoveLeftoverAsync(Leftover leftover, CancellationToken ct = default)
    {
        if (!PartialName.Is(leftover.Handle) || leftover.Handle.Contains('/'))
            throw new ArgumentException($"not a leftover of {Name}: {leftover.Handle}", nameof(leftover));
        File.Delete(Path.Combine(root, leftover.Handle));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string PathOf(string name)
    {
        if (name.Length == 0 || name.Contains('/') || name.Contains('\\') || name is "." or ".." || name.StartsWith('.'))
            throw new ArgumentException($"not a valid object name: '{name}'", nameof(name));
        return Path.Combine(root, name);
    }

    private DestinationException Failed(Exception e) => new(Name, $"{Name}: {e.Message}", transient: e is IOException and not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException), e);

    private sealed class Upload(LocalDestination owner, FileStream stream, string temp, string target) : IArtifactUpload
    {
        private bool done;

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default)
        {
            try
            {
                await stream.WriteAsync(data, ct);
            }
            catch (IOException e)
            {
                throw owner.Failed(e);
            }
        }

        public async Task CommitAsync(CancellationToken ct = default)
        {
            try
            {
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
                await stream.DisposeAsync();
                // Never overwrite: a name that appeared meanwhile stays as it was.
                File.Move(temp, target, overwrite: false);
                // The rename is durable only once the folder itself is flushed.
                Files.DirectorySync.Flush(Path.GetDirectoryName(target)!);
                done = true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw owner.Failed(e);
            }
        }

        public async Task AbortAsync(CancellationToken ct = default)
        {
            if (done) return;
            done = true;
            await stream.DisposeAsync();
            File.Delete(temp);
        }

        public async ValueTask DisposeAsync()
        {
            if (!done) await AbortAsync();
        }
    }
}
