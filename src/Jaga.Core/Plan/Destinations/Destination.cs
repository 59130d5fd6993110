namespace Jaga.Core.Plan;

/// <summary>Where backups go: one of <see cref="LocalFolder"/>, <see cref="S3Store"/>, <see cref="SftpServer"/>.
/// A switch over these is exhaustive; a new kind is a new sealed record here, its key in the schema, and its adapter.</summary>
public abstract record Destination
{
    /// <summary>The kind as the plan's key names it, for display (<c>local</c>, <c>s3</c>, <c>sftp</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>The place as the plan writes it.</summary>
    public abstract string Where { get; }
}
