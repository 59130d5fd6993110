using Jaga.Core.Backup;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Jaga.Sftp;

/// <summary>A folder on an SFTP server, as <c>sftp://user@host:port/path</c> names it. Objects are written under a
/// hidden temporary name beside their final name and renamed on commit, as <c>LocalDestination</c> does: a lost
/// connection leaves a leftover, never a half-written object under a real name.</summary>
/// <remarks>
/// <para>The server's host key must be trusted before anything is sent: a pinned <c>fingerprint</c> when the plan has
/// one, otherwise an entry in <c>known_hosts</c> (default <c>~/.ssh/known_hosts</c>). Login is by <c>key_file</c>
/// (an OpenSSH private key without passphrase) and/or <c>password</c>, which may also be written in the URL.</para>
/// <para>The connection is opened on first use and shared by every operation (SFTP multiplexes requests on one
/// session); when it drops, the next operation opens a new one. The commit is a plain SFTP rename, which an OpenSSH
/// server refuses when the name exists, so an object is never overwritten. SSH.NET has no <c>fsync@openssh.com</c>,
/// so durability after the rename rests on the server's file system.</para>
/// </remarks>
public sealed class SftpDestination : IBackupDestination
{
    private readonly SftpTarget target;
    private readonly SftpConnector connector;
    private readonly SemaphoreSlim connecting = new(1, 1);
    private SftpClient? client;
    private bool disposed;

    /// <param name="name">The destination's name in the plan.</param>
    /// <param name="config">Its settings: <see cref="SftpServer.Sftp"/> and the optional <see cref="SftpServer.KeyFile"/>,
    /// <see cref="SftpServer.Password"/>, <see cref="SftpServer.KnownHosts"/> and <see cref="SftpServer.Fingerprint"/>.</param>
    /// <param name="baseDirectory">What relative <c>key_file</c> and <c>known_hosts</c> paths are relative to (the plan's
    /// folder); <c>~/</c> is the HOME folder.</param>
    /// <exception cref="DestinationException">The URL or the fingerprint is malformed (not transient).</exception>
    public SftpDestination(string name, SftpServer config, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        Name = name;
        target = SftpTarget.Parse(config.Sftp ?? "", message => new DestinationException(name, $"{name}: {message}", transient: false));
        connector = new SftpConnector(name, target, config, baseDirectory);
    }

    public string Name { get; }

    /// <summary><c>sftp://user@host:port/path</c>, without any password.</summary>
    public string Description => target.Description;

    public Task<IArtifactUpload> BeginAsync(string name, CancellationToken ct = default)
    {
        var path = PathOf(name);
        return RunAsync($"starting {name}", async c =>
        {
            if (await c.ExistsAsync(path, ct))
                throw new DestinationException(Name, $"{Name}: {name} already exists in {Description}", transient: false);
            var temp = PathOf(PartialName.For(name), partial: true);
            // CreateNew is SFTP's O_CREAT|O_EXCL: two uploads never share a temporary file.
            var stream = await c.OpenAsync(temp, FileMode.CreateNew, FileAccess.Write, ct);
            return (IArtifactUpload)new SftpUpload(this, stream, name, temp, path);
        }, ct);
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken ct = default)
    {
        var path = PathOf(name);
        return RunAsync($"reading {name}", async c =>
        {
            Stream stream = await c.OpenAsync(path, FileMode.Open, FileAccess.Read, ct);
            return (Stream)new SftpReadStream(stream, e => Failed(e, $"reading {name}"));
        }, ct);
    }

    public Task<IReadOnlyList<StoredObject>> ListAsync(CancellationToken ct = default) =>
        RunAsync("listing", async c =>
        {
            var found = new List<StoredObject>();
            await foreach (var f in c.ListDirectoryAsync(FolderPath, ct))
                if (f.IsRegularFile && !PartialName.Is(f.Name))
                    found.Add(new StoredObject(f.Name, f.Length));
            return (IReadOnlyList<StoredObject>)[.. found.OrderBy(o => o.Name, StringComparer.Ordinal)];
        }, ct);

    public Task<bool> DeleteAsync(string name, CancellationToken ct = default)
    {
        var path = PathOf(name);
        return RunAsync($"deleting {name}", c => DeleteIfThereAsync(c, path, ct), ct);
    }

    public Task<IReadOnlyList<Leftover>> ListLeftoversAsync(CancellationToken ct = default) =>
        RunAsync("listing leftovers", async c =>
        {
            var found = new List<Leftover>();
            await foreach (var f in c.ListDirectoryAsync(FolderPath, ct))
                if (f.IsRegularFile && PartialName.Is(f.Name))
                    found.Add(new Leftover(PartialName.Intended(f.Name), f.Name, new DateTimeOffset(DateTime.SpecifyKind(f.LastWriteTimeUtc, DateTimeKind.Utc))));
            return (IReadOnlyList<Leftover>)found;
        }, ct);

    public Task RemoveLeftoverAsync(Leftover leftover, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(leftover);
        if (!PartialName.Is(leftover.Handle))
            throw new ArgumentException($"not a leftover of {Name}: {leftover.Handle}", nameof(leftover));
        var path = PathOf(leftover.Handle, partial: true);
        return RunAsync($"removing leftover {leftover.Handle}", c => DeleteIfThereAsync(c, path, ct), ct);
    }

    public async ValueTask DisposeAsync()
    {
        await connecting.WaitAsync();
        try
        {
            disposed = true;
            Drop();
        }
        finally
        {
            connecting.Release();
        }
    }

    /// <summary>Commits an upload: the temporary file, already closed, takes its final name.</summary>
    internal Task CommitAsync(string name, string temp, string path, CancellationToken ct) =>
        RunAsync($"committing {name}", async c =>
        {
            try
            {
                await c.RenameFileAsync(temp, path, ct);
            }
            catch (SftpException e)
            {
                if (!await c.ExistsAsync(path, ct)) throw;
                throw new DestinationException(Name, $"{Name}: {name} appeared in {Description} during the upload; it was left as it was", transient: false, e);
            }
            return true;
        }, ct);

    /// <summary>Deletes an aborted upload's temporary file, over a new connection if the upload's has dropped.</summary>
    internal Task AbortAsync(string name, string temp, CancellationToken ct) =>
        RunAsync($"aborting {name}", c => DeleteIfThereAsync(c, temp, ct), ct);

    internal DestinationException Failed(Exception e, string what) => SftpFailure.From(Name, target, e, what);

    private string FolderPath => target.Root.Length == 0 ? "." : target.Root;

    private async Task<T> RunAsync<T>(string what, Func<SftpClient, Task<T>> operation, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        try
        {
            return await operation(await ClientAsync(ct));
        }
        catch (Exception e) when (!SftpFailure.PassesThrough(e, ct))
        {
            throw Failed(e, what);
        }
    }

    private async Task<SftpClient> ClientAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref client) is { IsConnected: true } ready) return ready;
        await connecting.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (client is { IsConnected: true }) return client;
            // A dropped session cannot come back; uploads still holding it fail on their own.
            Drop();
            var fresh = await connector.ConnectAsync(ct);
            Volatile.Write(ref client, fresh);
            return fresh;
        }
        finally
        {
            connecting.Release();
        }
    }

    private void Drop()
    {
        var old = Interlocked.Exchange(ref client, null);
        old?.Dispose();
    }

    private static async Task<bool> DeleteIfThereAsync(SftpClient c, string path, CancellationToken ct)
    {
        try
        {
            await c.DeleteFileAsync(path, ct);
            return true;
        }
        catch (SftpPathNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The remote path of an object; names are flat and visible (a leading dot is kept for temporary files).</summary>
    private string PathOf(string name, bool partial = false)
    {
        if (name.Length == 0 || name.Contains('/') || name.Contains('\\') || name is "." or ".." || (name.StartsWith('.') && !partial))
            throw new ArgumentException($"not a valid object name: '{name}'", nameof(name));
        return target.Root.Length == 0 ? name : $"{target.Root}/{name}";
    }
}
