using Jaga.Core.Ports;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The dashboard's users in the SQLite file; a wrong password is counted in one statement, so two processes never
/// lose a count.</summary>
internal sealed class SqliteDashboardUsers(Func<CancellationToken, Task<SqliteConnection>> connect) : IDashboardUsers
{
    private const string Columns = "name, role, password_hash, failed, locked_until_ms, created_ms";

    public async Task<bool> AddAsync(DashboardUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var c = await connect(ct);
        using var cmd = Command(c, null, $"INSERT OR IGNORE INTO dashboard_users ({Columns}) VALUES ($name, $role, $hash, $failed, $locked, $created)");
        Add(cmd, "$name", user.Name);
        Add(cmd, "$role", user.Role.Word());
        Add(cmd, "$hash", user.PasswordHash);
        Add(cmd, "$failed", user.FailedAttempts);
        Add(cmd, "$locked", user.LockedUntil?.ToUnixTimeMilliseconds());
        Add(cmd, "$created", user.Created.ToUnixTimeMilliseconds());
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<DashboardUser?> GetAsync(string name, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {Columns} FROM dashboard_users WHERE name = $name", name, ct)).SingleOrDefault();

    public async Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken ct = default) =>
        await ReadAsync($"SELECT {Columns} FROM dashboard_users ORDER BY name", null, ct);

    public async Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var cmd = Command(c, null, "UPDATE dashboard_users SET password_hash = $hash, failed = 0, locked_until_ms = NULL WHERE name = $name");
        Add(cmd, "$name", name);
        Add(cmd, "$hash", passwordHash);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var cmd = Command(c, null, "DELETE FROM dashboard_users WHERE name = $name");
        Add(cmd, "$name", name);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<DashboardUser?> FailedSignInAsync(string name, int limit, DateTimeOffset lockUntil, CancellationToken ct = default)
    {
        await using (var c = await connect(ct))
        {
            using var cmd = Command(c, null, """
                UPDATE dashboard_users SET
                  locked_until_ms = CASE WHEN failed + 1 >= $limit THEN $until ELSE locked_until_ms END,
                  failed = CASE WHEN failed + 1 >= $limit THEN 0 ELSE failed + 1 END
                WHERE name = $name
                """);
            Add(cmd, "$name", name);
            Add(cmd, "$limit", limit);
            Add(cmd, "$until", lockUntil.ToUnixTimeMilliseconds());
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return await GetAsync(name, ct);
    }

    public async Task<bool> SignedInAsync(string name, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var cmd = Command(c, null, "UPDATE dashboard_users SET failed = 0 WHERE name = $name AND (locked_until_ms IS NULL OR locked_until_ms <= $now)");
        Add(cmd, "$name", name);
        Add(cmd, "$now", now.ToUnixTimeMilliseconds());
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private async Task<List<DashboardUser>> ReadAsync(string sql, string? name, CancellationToken ct)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, sql);
        if (name is not null) Add(q, "$name", name);
        await using var r = await q.ExecuteReaderAsync(ct);
        var users = new List<DashboardUser>();
        while (await r.ReadAsync(ct))
            users.Add(new DashboardUser(r.GetString(0), DashboardRoles.Parse(r.GetString(1)), r.GetString(2), r.GetInt32(3), Time(r, 4), Time(r.GetInt64(5))));
        return users;
    }
}
