namespace Jaga.Core.Updates.Advisories;

/// <summary>One OSV document as read: the advisory, and when it was withdrawn (null while it stands). A withdrawn
/// advisory is kept out of the local database.</summary>
public sealed record OsvRecord(Advisory Advisory, DateTimeOffset? Withdrawn);
