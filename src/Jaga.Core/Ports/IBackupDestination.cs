namespace Jaga.Core.Ports;

/// <summary>A place backups are stored: a local folder, an SFTP server, an S3 bucket. Every implementation runs
/// through the same contract suite (tests/Jaga.Destinations.Tests/DestinationContract.cs).</summary>
/// <remarks>Names are flat (no '/'), relative to the destination's root. An object becomes visible under its name
/// only when its upload is committed; until then it is a leftover that <see cref="ListLeftoversAsync"/> finds.
/// Failures are reported as <see cref="DestinationException"/>, whose message never holds a secret.</remarks>
public interface IBackupDestination : IAsyncDisposable
{
    /// <summary>The destination's name in the plan.</summary>
    string Name { get; }

    /// <summary>Where it is, for humans, with any password removed.</summary>
    string Description { get; }

    /// <summary>Starts writing <paramref name="name"/> under a temporary name (or a multipart upload). Refuses a name that already exists.</summary>
    Task<IArtifactUpload> BeginAsync(string name, CancellationToken ct = default);

    /// <summary>Reads a committed object from its start.</summary>
    Task<Stream> OpenReadAsync(string name, CancellationToken ct = default);

    /// <summary>Every committed object, leftovers excluded.</summary>
    Task<IReadOnlyList<StoredObject>> ListAsync(CancellationToken ct = default);

    /// <summary>Deletes a committed object; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken ct = default);

    /// <summary>Uploads that were begun and neither committed nor aborted (a crash, a kill -9, a lost connection).</summary>
    Task<IReadOnlyList<Leftover>> ListLeftoversAsync(CancellationToken ct = default);

    /// <summary>Removes one leftover (deletes the temporary file, aborts the multipart upload).</summary>
    Task RemoveLeftoverAsync(Leftover leftover, CancellationToken ct = default);
}

/// <summary>One object being written. Disposing it without <see cref="CommitAsync"/> aborts it.</summary>
public interface IArtifactUpload : IAsyncDisposable
{
    /// <summary>Appends bytes. The caller may reuse <paramref name="data"/>'s buffer once the task completes.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default);

    /// <summary>Makes the object visible under its name, durably (fsync + rename, complete multipart).</summary>
    Task CommitAsync(CancellationToken ct = default);

    /// <summary>Throws away what was written; nothing stays behind.</summary>
    Task AbortAsync(CancellationToken ct = default);
}

/// <summary>A committed object.</summary>
public sealed record StoredObject(string Name, long Size);

/// <summary>An unfinished upload: <paramref name="Name"/> is the object it was meant to become, <paramref name="Handle"/>
/// what the destination needs to remove it (a temporary file name, a multipart upload id).</summary>
public sealed record Leftover(string Name, string Handle, DateTimeOffset? Started);

/// <summary>A destination failed. <see cref="Transient"/> failures (connection refused or reset, timeouts, 5xx) are
/// worth retrying; the others (authentication, host key mismatch, missing bucket, object exists) are not.</summary>
public sealed class DestinationException(string destination, string message, bool transient, Exception? inner = null)
    : Exception(message, inner)
{
    public string Destination { get; } = destination;

    public bool Transient { get; } = transient;
}
