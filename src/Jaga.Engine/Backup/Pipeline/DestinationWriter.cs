using Jaga.Core.Ports;

namespace Jaga.Engine.Backup.Pipeline;

/// <summary>One destination's side of a backup run: its upload while it lasts, and why it failed if it did.
/// A failing destination is dropped from the run; the others go on.</summary>
internal sealed class DestinationWriter(IBackupDestination destination)
{
    public IBackupDestination Destination => destination;

    public IArtifactUpload? Upload { get; set; }

    public string? Failure { get; private set; }

    public bool Committed { get; set; }

    public bool Live => Upload is not null && Failure is null;

    public async Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken ct)
    {
        if (!Live) return;
        try
        {
            await Upload!.WriteAsync(chunk, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailAsync(Reasons.Of(e));
        }
    }

    /// <summary>Marks this destination failed and throws its upload away.</summary>
    public async Task FailAsync(string reason)
    {
        Failure ??= reason;
        if (Upload is null || Committed) return;
        try
        {
            await Upload.AbortAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // The leftover, if any, is found and removed at the start of the next run.
        }
    }

    public async Task DisposeAsync()
    {
        if (Upload is null) return;
        try
        {
            await Upload.DisposeAsync();
        }
        catch (Exception)
        {
            // As in FailAsync: the next run cleans up.
        }
    }
}
