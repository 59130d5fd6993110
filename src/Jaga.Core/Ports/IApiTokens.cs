namespace Jaga.Core.Ports;

/// <summary>The bearer tokens of the dashboard's <c>/api</c> endpoints, kept as hashes (schema version 8).</summary>
public interface IApiTokens
{
    Task AddAsync(ApiToken token, CancellationToken ct = default);

    /// <summary>The token whose hash is <paramref name="hash"/>, revoked or not.</summary>
    Task<ApiToken?> FindAsync(string hash, CancellationToken ct = default);

    /// <summary>Every token, oldest first.</summary>
    Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken ct = default);

    /// <summary>Revokes a token; false when there is none of that id or it was already revoked.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Records that the token authorised a request.</summary>
    Task UsedAsync(string id, DateTimeOffset at, CancellationToken ct = default);
}
