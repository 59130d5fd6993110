namespace Jaga.Core.Ports;

/// <summary>Pending security findings, fed by every dependency audit and every OS patches reading, and read by the
/// <c>updates</c> check: what is pending, since when, and what was resolved (schema version 6).</summary>
/// <remarks>A finding is one package and advisory within a source and scope. The store decides what is new and what is
/// gone in one transaction per reading, so readings from several processes or nodes never open a finding twice.</remarks>
public interface ISecurityFindings
{
    /// <summary>Records one reading. Each finding it reports is pending: opened at the reading's time when it was not, else
    /// its version, severity, fixed version and last seen time are brought up to date (its first seen time stays). When the
    /// reading is complete, each pending finding of the same source and scope it does not report is resolved at the
    /// reading's time; an incomplete reading resolves nothing. The reading becomes the latest of its source and scope.</summary>
    Task<SecurityReadingRecorded> RecordAsync(SecurityReading reading, CancellationToken ct = default);

    /// <summary>Every pending finding, of every source and scope, oldest first seen first.</summary>
    Task<IReadOnlyList<SecurityFinding>> PendingAsync(CancellationToken ct = default);

    /// <summary>Resolved findings, latest resolution first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SecurityFinding>> ResolvedAsync(int limit, CancellationToken ct = default);

    /// <summary>The latest reading of each source and scope that was ever recorded.</summary>
    Task<IReadOnlyList<SecurityReadingMark>> ReadingsAsync(CancellationToken ct = default);
}
