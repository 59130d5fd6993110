using Jaga.Core.Ports;
using Npgsql;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>The dashboard's API tokens in the PostgreSQL database, as SHA-256 hashes.</summary>
internal sealed class PostgresApiTokens(NpgsqlDataSource dataSource) : IApiTokens
{
    private const string Columns = "id, name, role, hash, created, last_used, revoked";

    public async Task AddAsync(ApiToken token, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var cmd = dataSource.CreateCommand($"INSERT INTO api_tokens ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7)");
        cmd.Parameters.Add(Text(token.Id));
        cmd.Parameters.Add(Text(token.Name));
        cmd.Parameters.Add(Text(token.Role.Word()));
        cmd.Parameters.Add(Text(token.Hash));
        cmd.Parameters.Add(Time(token.Created));
        cmd.Parameters.Add(Time(token.LastUsed));
        cmd.Parameters.Add(Time(token.Revoked));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<ApiToken?> FindAsync(string hash, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {Columns} FROM api_tokens WHERE hash = $1", hash, ct)).SingleOrDefault();

    public async Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken ct = default) =>
        await ReadAsync($"SELECT {Columns} FROM api_tokens ORDER BY created, id COLLATE \"C\"", null, ct);

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE api_tokens SET revoked = $2 WHERE id = $1 AND revoked IS NULL");
        cmd.Parameters.Add(Text(id));
        cmd.Parameters.Add(Time(at));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task UsedAsync(string id, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE api_tokens SET last_used = $2 WHERE id = $1");
        cmd.Parameters.Add(Text(id));
        cmd.Parameters.Add(Time(at));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<List<ApiToken>> ReadAsync(string sql, string? hash, CancellationToken ct)
    {
        await using var q = dataSource.CreateCommand(sql);
        if (hash is not null) q.Parameters.Add(Text(hash));
        await using var r = await q.ExecuteReaderAsync(ct);
        var tokens = new List<ApiToken>();
        while (await r.ReadAsync(ct))
            tokens.Add(new ApiToken(r.GetString(0), r.GetString(1), DashboardRoles.Parse(r.GetString(2)), r.GetString(3),
                r.GetFieldValue<DateTimeOffset>(4), Time(r, 5), Time(r, 6)));
        return tokens;
    }
}
