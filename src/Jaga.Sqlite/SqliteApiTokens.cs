using Jaga.Core.Ports;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The dashboard's API tokens in the SQLite file, as SHA-256 hashes.</summary>
internal sealed class SqliteApiTokens(Func<CancellationToken, Task<SqliteConnection>> connect) : IApiTokens
{
    private const string Columns = "id, name, role, hash, created_ms, last_used_ms, revoked_ms";

    public async Task AddAsync(ApiToken token, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var c = await connect(ct);
        using var cmd = Command(c, null, $"INSERT INTO api_tokens ({Columns}) VALUES ($id, $name, $role, $hash, $created, $used, $revoked)");
        Add(cmd, "$id", token.Id);
        Add(cmd, "$name", token.Name);
        Add(cmd, "$role", token.Role.Word());
        Add(cmd, "$hash", token.Hash);
        Add(cmd, "$created", token.Created.ToUnixTimeMilliseconds());
        Add(cmd, "$used", token.LastUsed?.ToUnixTimeMilliseconds());
        Add(cmd, "$revoked", token.Revoked?.ToUnixTimeMilliseconds());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<ApiToken?> FindAsync(string hash, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {Columns} FROM api_tokens WHERE hash = $hash", hash, ct)).SingleOrDefault();

    public async Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken ct = default) =>
        await ReadAsync($"SELECT {Columns} FROM api_tokens ORDER BY created_ms, id", null, ct);

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var cmd = Command(c, null, "UPDATE api_tokens SET revoked_ms = $at WHERE id = $id AND revoked_ms IS NULL");
        Add(cmd, "$id", id);
        Add(cmd, "$at", at.ToUnixTimeMilliseconds());
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task UsedAsync(string id, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var cmd = Command(c, null, "UPDATE api_tokens SET last_used_ms = $at WHERE id = $id");
        Add(cmd, "$id", id);
        Add(cmd, "$at", at.ToUnixTimeMilliseconds());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<List<ApiToken>> ReadAsync(string sql, string? hash, CancellationToken ct)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, sql);
        if (hash is not null) Add(q, "$hash", hash);
        await using var r = await q.ExecuteReaderAsync(ct);
        var tokens = new List<ApiToken>();
        while (await r.ReadAsync(ct))
            tokens.Add(new ApiToken(r.GetString(0), r.GetString(1), DashboardRoles.Parse(r.GetString(2)), r.GetString(3), Time(r.GetInt64(4)), Time(r, 5), Time(r, 6)));
        return tokens;
    }
}
