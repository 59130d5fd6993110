using Npgsql;

namespace Jaga.Testing;

/// <summary>The test server trusts every login; this makes one role, <see cref="User"/>, log in by password
/// (scram-sha-256), so that a wrong password is refused as on a real server.</summary>
public static class PasswordLogin
{
    public const string User = "jaga_pw";
    public const string Password = "right-Secret-42";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static int port;

    public static async Task EnsureAsync(PostgresServer server)
    {
        await Gate.WaitAsync();
        try
        {
            if (port == server.Port) return;
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = PostgresServer.Host,
                Port = server.Port,
                Username = PostgresServer.User,
                Database = "postgres",
                Pooling = false,
            }.ConnectionString);
            await admin.OpenAsync();
            await Exec(admin, $"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{User}') THEN CREATE ROLE {User} LOGIN PASSWORD '{Password}'; END IF; END $$");
            // pg_hba.conf is read top down: this line, first, wins over the fixture's trust for everyone.
            var hba = Path.Combine(server.DataDirectory, "pg_hba.conf");
            var line = $"host all {User} {PostgresServer.Host}/32 scram-sha-256";
            var text = await File.ReadAllTextAsync(hba);
            if (!text.Contains(line, StringComparison.Ordinal)) await File.WriteAllTextAsync(hba, line + "\n" + text);
            await Exec(admin, "SELECT pg_reload_conf()");
            await WaitUntilPasswordsAreCheckedAsync(server);
            port = server.Port;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The server reloads its configuration in the background: wait until a wrong password is refused.</summary>
    private static async Task WaitUntilPasswordsAreCheckedAsync(PostgresServer server)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = PostgresServer.Host,
                Port = server.Port,
                Username = User,
                Password = "not-" + Password,
                Database = "postgres",
                Pooling = false,
            }.ConnectionString);
            try
            {
                await c.OpenAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("the server did not start checking passwords after pg_reload_conf()");
    }

    private static async Task Exec(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
