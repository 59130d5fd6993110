namespace Jaga.Core.Ports;

/// <summary>The restore drills done, in the state store: what <c>jaga status</c> and <c>/metrics</c> report as the days since
/// the last successful drill and its recovery time.</summary>
public interface IDrills
{
    Task RecordAsync(DrillResult drill, CancellationToken ct = default);

    /// <summary>The newest drill of <paramref name="job"/> (by start), or null.</summary>
    Task<DrillResult?> LastAsync(string job, CancellationToken ct = default);

    /// <summary>The newest drill of <paramref name="job"/> that succeeded, or null.</summary>
    Task<DrillResult?> LastSuccessfulAsync(string job, CancellationToken ct = default);

    /// <summary>Drills of one job (or all), newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DrillResult>> ListAsync(string? job, int limit, CancellationToken ct = default);
}
