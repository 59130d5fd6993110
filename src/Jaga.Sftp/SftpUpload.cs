using Jaga.Core.Ports;

namespace Jaga.Sftp;

/// <summary>One object being written to a temporary file on the server; <see cref="CommitAsync"/> closes it and renames
/// it to its name. Disposed without a commit, it deletes the temporary file, or leaves it as a leftover when the
/// connection is gone.</summary>
internal sealed class SftpUpload(SftpDestination owner, Stream stream, string name, string temp, string path) : IArtifactUpload
{
    private bool done;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(done, this);
        try
        {
            await stream.WriteAsync(data, ct);
        }
        catch (Exception e) when (!SftpFailure.PassesThrough(e, ct))
        {
            throw owner.Failed(e, $"writing {name}");
        }
    }

    public async Task CommitAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(done, this);
        try
        {
            await stream.FlushAsync(ct);
            // Closing the handle is what makes the server finish its writes; only then may the name appear.
            await stream.DisposeAsync();
        }
        catch (Exception e) when (!SftpFailure.PassesThrough(e, ct))
        {
            throw owner.Failed(e, $"writing {name}");
        }
        await owner.CommitAsync(name, temp, path, ct);
        done = true;
    }

    public async Task AbortAsync(CancellationToken ct = default)
    {
        if (done) return;
        done = true;
        try
        {
            await stream.DisposeAsync();
        }
        catch (Exception e) when (!SftpFailure.PassesThrough(e, ct))
        {
            // The handle dies with a lost connection; deleting the file below is what matters.
        }
        await owner.AbortAsync(name, temp, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (done) return;
        try
        {
            await AbortAsync();
        }
        catch (DestinationException)
        {
            // The server cannot be reached: the temporary file stays, and ListLeftoversAsync finds it later.
        }
    }
}
