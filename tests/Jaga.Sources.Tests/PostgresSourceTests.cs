using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Postgres.Backup;
using Jaga.Testing;

namespace Jaga.Sources.Tests;

/// <summary>pg_dump against a real PostgreSQL: the dumps restore, row for row, even while the database is written to.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSourceTests(PostgresServer server) : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-pg-source-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(DumpFormat.Plain, ".sql")]
    [InlineData(DumpFormat.Custom, ".dump")]
    public async Task A_dump_restores_into_a_fresh_database_with_the_row_counts_it_recorded(DumpFormat format, string extension)
    {
        var source = await server.CreateDatabaseAsync("any password");
        await PostgresData.SeedAsync(source);
        var backup = new PostgresSource(source, format);

        using var dump = new MemoryStream();
        var snapshot = await backup.WriteAsync(dump);

        Assert.Equal(extension, backup.Extension);
        Assert.Equal(SourceKind.Postgres, backup.Kind);
        Assert.Equal(20_000, snapshot.Tables["public.accounts"]);
        Assert.Equal(3_000, snapshot.Tables["public.orders"]);
        Assert.Equal(3, snapshot.Tables["Sales Dept.Odd \"Name\""]);
        Assert.Equal(0, snapshot.Tables["public.empty_one"]);
        Assert.StartsWith("15.", snapshot.ServerVersion, StringComparison.Ordinal);
        Assert.StartsWith("15.", snapshot.Tools["pg_dump"], StringComparison.Ordinal);

        var target = new PostgresRestoreTarget(await server.CreateDatabaseAsync(), format);
        dump.Position = 0;
        await target.RestoreAsync(dump);

        Assert.Equal(snapshot.Tables, await target.CountAsync());
    }

    [Fact]
    public async Task A_custom_dump_is_uncompressed_since_jaga_compresses_the_stream_itself()
    {
        var source = await server.CreateDatabaseAsync();
        await PostgresData.SeedAsync(source);
        var file = Path.Combine(dir, "db.dump");

        await using (var f = File.Create(file)) await new PostgresSource(source, DumpFormat.Custom).WriteAsync(f);

        var list = await ChildProcess.RunAsync("pg_restore", ["-l", file], TimeSpan.FromMinutes(1));
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("Format: CUSTOM", list.Output, StringComparison.Ordinal);
        // pg_restore 15 writes "0", 16 and later "none".
        Assert.Matches(@"Compression: (0|none)\n", list.Output);
    }

    [Fact]
    public async Task Counts_match_the_dump_exactly_while_a_writer_inserts_rows_during_it()
    {
        var source = await server.CreateDatabaseAsync();
        await PostgresData.SeedAsync(source, accounts: 100_000);
        using var stop = new CancellationTokenSource();
        var inserted = 0;
        var writer = Task.Run(async () =>
        {
            await using var c = await PostgresData.OpenAsync(source);
            while (!stop.IsCancellationRequested)
            {
                await using var cmd = new Npgsql.NpgsqlCommand(
                    "INSERT INTO events (what) VALUES ('tick'); UPDATE accounts SET balance = balance + 1 WHERE id = 1; INSERT INTO orders (account, amount) VALUES (1, 1)", c);
                await cmd.ExecuteNonQueryAsync();
                Interlocked.Increment(ref inserted);
            }
        });
        while (Volatile.Read(ref inserted) < 20) await Task.Delay(10);

        var file = Path.Combine(dir, "busy.sql");
        SourceSnapshot snapshot;
        int before, after;
        await using (var f = File.Create(file))
        await using (var slow = new SlowStream(f, TimeSpan.FromMilliseconds(5)))
        {
            before = Volatile.Read(ref inserted);
            snapshot = await new PostgresSource(source, DumpFormat.Plain).WriteAsync(slow);
            after = Volatile.Read(ref inserted);
        }
        await stop.CancelAsync();
        await writer;

        Assert.True(after - before > 10, $"the writer inserted {after - before} rows during the dump; the test proves nothing without them");
        Assert.True(await PostgresData.ScalarAsync<long>(source, "SELECT count(*) FROM events") > snapshot.Tables["public.events"]);
        var target = new PostgresRestoreTarget(await server.CreateDatabaseAsync(), DumpFormat.Plain);
        await using (var f = File.OpenRead(file)) await target.RestoreAsync(f);
        Assert.Equal(snapshot.Tables, await target.CountAsync());
    }

    [Fact]
    public async Task A_plain_dump_restores_with_the_psql_cli_alone()
    {
        var source = await server.CreateDatabaseAsync();
        await PostgresData.SeedAsync(source);
        var file = Path.Combine(dir, "standard.sql");
        SourceSnapshot snapshot;
        await using (var f = File.Create(file)) snapshot = await new PostgresSource(source, DumpFormat.Plain).WriteAsync(f);
        var restored = await server.CreateDatabaseAsync();

        var psql = await ChildProcess.RunAsync("psql",
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", PostgresServer.Host, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-U", PostgresServer.User, "-d", PostgresData.Database(restored), "-f", file], TimeSpan.FromMinutes(2));

        Assert.True(psql.ExitCode == 0, psql.Output);
        Assert.Equal(snapshot.Tables, await new PostgresRestoreTarget(restored, DumpFormat.Plain).CountAsync());
    }

    [Fact]
    public async Task A_wrong_password_is_a_clear_error_without_the_password_and_nothing_is_written()
    {
        await PasswordLogin.EnsureAsync(server);
        var database = PostgresData.Database(await server.CreateDatabaseAsync());
        const string wrong = "Wr0ng-Passw0rd-xyz";
        var url = $"postgres://{PasswordLogin.User}:{wrong}@{PostgresServer.Host}:{server.Port}/{database}";

        using var output = new MemoryStream();
        var e = await Assert.ThrowsAsync<BackupSourceException>(() => new PostgresSource(url, DumpFormat.Plain).WriteAsync(output));

        Assert.Equal(0, output.Length);
        Assert.Contains($"refused the login for user '{PasswordLogin.User}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("wrong password", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_password_reaches_pg_dump_through_the_environment()
    {
        await PasswordLogin.EnsureAsync(server);
        var database = PostgresData.Database(await server.CreateDatabaseAsync());
        await PostgresData.ExecAsync(server.Url(database), $"CREATE TABLE t (x int); INSERT INTO t VALUES (1); GRANT SELECT ON t TO {PasswordLogin.User}");
        var url = $"postgres://{PasswordLogin.User}:{PasswordLogin.Password}@{PostgresServer.Host}:{server.Port}/{database}";

        using var output = new MemoryStream();
        var snapshot = await new PostgresSource(url, DumpFormat.Plain).WriteAsync(output);

        Assert.Equal(1, snapshot.Tables["public.t"]);
        Assert.Contains("CREATE TABLE public.t", System.Text.Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_is_named_in_a_clear_error()
    {
        using var output = new MemoryStream();
        var e = await Assert.ThrowsAsync<BackupSourceException>(() => new PostgresSource(server.Url("no_such_db", "pw"), DumpFormat.Custom).WriteAsync(output));

        Assert.Equal($"database 'no_such_db' does not exist on {PostgresServer.Host}:{server.Port}", e.Message);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task Cancelling_a_dump_stops_pg_dump()
    {
        var source = await server.CreateDatabaseAsync();
        await PostgresData.SeedAsync(source, accounts: 200_000);
        using var cts = new CancellationTokenSource();
        var url = source + "?application_name=jaga_cancel_test";
        await using var slow = new SlowStream(Stream.Null, TimeSpan.FromMilliseconds(200));

        var dump = new PostgresSource(url, DumpFormat.Plain).WriteAsync(slow, cts.Token);
        while (slow.Writes == 0) await Task.Delay(20);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dump);
        for (var i = 0; i < 100 && await SessionsAsync() > 0; i++) await Task.Delay(100);
        Assert.Equal(0, await SessionsAsync());

        Task<long> SessionsAsync() => PostgresData.ScalarAsync<long>(server.Url("postgres"),
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'jaga_cancel_test'");
    }

}
