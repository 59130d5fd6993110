using Jaga.Core.Ports;
using Npgsql;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>The dashboard's users in the PostgreSQL database; a wrong password is counted in one statement, so two nodes
/// never lose a count.</summary>
internal sealed class PostgresDashboardUsers(NpgsqlDataSource dataSource) : IDashboardUsers
{
    private const string Columns = "name, role, password_hash, failed, locked_until, created";

    public async Task<bool> AddAsync(DashboardUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var cmd = dataSource.CreateCommand($"INSERT INTO dashboard_users ({Columns}) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (name) DO NOTHING");
        cmd.Parameters.Add(Text(user.Name));
        cmd.Parameters.Add(Text(user.Role.Word()));
        cmd.Parameters.Add(Text(user.PasswordHash));
        cmd.Parameters.Add(Integer(user.FailedAttempts));
        cmd.Parameters.Add(Time(user.LockedUntil));
        cmd.Parameters.Add(Time(user.Created));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<DashboardUser?> GetAsync(string name, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {Columns} FROM dashboard_users WHERE name = $1", name, ct)).SingleOrDefault();

    public async Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken ct = default) =>
        await ReadAsync($"SELECT {Columns} FROM dashboard_users ORDER BY name COLLATE \"C\"", null, ct);

    public async Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE dashboard_users SET password_hash = $2, failed = 0, locked_until = NULL WHERE name = $1");
        cmd.Parameters.Add(Text(name));
        cmd.Parameters.Add(Text(passwordHash));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM dashboard_users WHERE name = $1");
        cmd.Parameters.Add(Text(name));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<DashboardUser?> FailedSignInAsync(string name, int limit, DateTimeOffset lockUntil, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            UPDATE dashboard_users SET
              locked_until = CASE WHEN failed + 1 >= $2 THEN $3 ELSE locked_until END,
              failed = CASE WHEN failed + 1 >= $2 THEN 0 ELSE failed + 1 END
            WHERE name = $1
            RETURNING {Columns}
            """);
        cmd.Parameters.Add(Text(name));
        cmd.Parameters.Add(Integer(limit));
        cmd.Parameters.Add(Time(lockUntil));
        return (await ReadAsync(cmd, ct)).SingleOrDefault();
    }

    public async Task<bool> SignedInAsync(string name, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE dashboard_users SET failed = 0 WHERE name = $1 AND (locked_until IS NULL OR locked_until <= $2)");
        cmd.Parameters.Add(Text(name));
        cmd.Parameters.Add(Time(now));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private async Task<List<DashboardUser>> ReadAsync(string sql, string? name, CancellationToken ct)
    {
        await using var q = dataSource.CreateCommand(sql);
        if (name is not null) q.Parameters.Add(Text(name));
        return await ReadAsync(q, ct);
    }

    private static async Task<List<DashboardUser>> ReadAsync(NpgsqlCommand q, CancellationToken ct)
    {
        await using var r = await q.ExecuteReaderAsync(ct);
        var users = new List<DashboardUser>();
        while (await r.ReadAsync(ct))
            users.Add(new DashboardUser(r.GetString(0), DashboardRoles.Parse(r.GetString(1)), r.GetString(2), r.GetInt32(3), Time(r, 4),
                r.GetFieldValue<DateTimeOffset>(5)));
        return users;
    }
}
