namespace Jaga.Engine.Secrets;

/// <summary>Why a file was not read.</summary>
public enum SkipReason
{
    /// <summary>Larger than the size limit.</summary>
    TooLarge,

    /// <summary>A NUL byte in its first 8 KiB: not text.</summary>
    Binary,

    /// <summary>Not a regular file: a FIFO, a socket, a device (reading one could wait forever or never end).</summary>
    NotRegular,

    /// <summary>The system refused to read it (permissions, removed meanwhile).</summary>
    Unreadable,
}
