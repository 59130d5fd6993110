using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Postgres.Backup;
using Jaga.Testing;

namespace Jaga.Sources.Tests;

/// <summary>Restoring into PostgreSQL: what is there is shown first, a failed restore changes nothing, scratch databases go away.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRestoreTargetTests(PostgresServer server)
{
    [Fact]
    public async Task Inspect_shows_an_empty_database_as_empty_and_a_filled_one_with_its_tables()
    {
        var empty = new PostgresRestoreTarget(await server.CreateDatabaseAsync("pw"), DumpFormat.Plain);
        var filledUrl = await server.CreateDatabaseAsync("pw");
        await PostgresData.SeedAsync(filledUrl);
        var filled = new PostgresRestoreTarget(filledUrl, DumpFormat.Plain);

        var nothing = await empty.InspectAsync();
        var something = await filled.InspectAsync();

        Assert.True(nothing.IsEmpty);
        Assert.Empty(nothing.Contents);
        Assert.False(something.IsEmpty);
        Assert.Contains("public.accounts (20,000 rows)", something.Contents);
        Assert.DoesNotContain("pw", filled.Description, StringComparison.Ordinal);
        Assert.Contains(":***@", filled.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_that_fails_part_way_leaves_the_database_as_it_was()
    {
        var source = await server.CreateDatabaseAsync();
        await PostgresData.SeedAsync(source);
        using var dump = new MemoryStream();
        await new PostgresSource(source, DumpFormat.Plain).WriteAsync(dump);
        // The target already has an "orders" table, so the dump's CREATE TABLE orders fails after accounts was made.
        var targetUrl = await server.CreateDatabaseAsync();
        await PostgresData.ExecAsync(targetUrl, "CREATE TABLE orders (x int); INSERT INTO orders VALUES (42)");
        var target = new PostgresRestoreTarget(targetUrl, DumpFormat.Plain);

        dump.Position = 0;
        var e = await Assert.ThrowsAsync<BackupSourceException>(() => target.RestoreAsync(dump));

        Assert.Contains("psql", e.Message, StringComparison.Ordinal);
        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, long> { ["public.orders"] = 1 }, await target.CountAsync());
    }

    [Fact]
    public async Task A_custom_restore_that_fails_leaves_the_database_as_it_was()
    {
        var targetUrl = await server.CreateDatabaseAsync();
        await PostgresData.ExecAsync(targetUrl, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (1)");
        var target = new PostgresRestoreTarget(targetUrl, DumpFormat.Custom);

        using var garbage = new MemoryStream("PGDMP but not really a dump at all"u8.ToArray());
        var e = await Assert.ThrowsAsync<BackupSourceException>(() => target.RestoreAsync(garbage));

        Assert.Contains("pg_restore", e.Message, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, long> { ["public.kept"] = 1 }, await target.CountAsync());
    }

    [Theory]
    [InlineData(DumpFormat.Plain)]
    [InlineData(DumpFormat.Custom)]
    public async Task A_scratch_database_takes_a_restore_and_is_dropped_on_dispose(DumpFormat format)
    {
        var source = await server.CreateDatabaseAsync();
        await PostgresData.SeedAsync(source);
        using var dump = new MemoryStream();
        var snapshot = await new PostgresSource(source, format).WriteAsync(dump);

        string name;
        await using (var scratch = await PostgresScratchDatabase.CreateAsync(server.Url("postgres", "pw"), format))
        {
            name = scratch.Name;
            Assert.StartsWith("jaga_verify_", name, StringComparison.Ordinal);
            Assert.True((await scratch.Target.InspectAsync()).IsEmpty);
            dump.Position = 0;
            await scratch.Target.RestoreAsync(dump);
            Assert.Equal(snapshot.Tables, await scratch.Target.CountAsync());
            // A session left open in it must not keep it alive.
            await using var lingering = await PostgresData.OpenAsync(server.Url(name));
            await scratch.DisposeAsync();
        }

        Assert.Equal(0L, await PostgresData.ScalarAsync<long>(server.Url("postgres"), $"SELECT count(*) FROM pg_database WHERE datname = '{name}'"));
    }

    [Fact]
    public async Task A_scratch_database_needs_the_createdb_privilege_and_says_so()
    {
        await PasswordLogin.EnsureAsync(server);
        var url = $"postgres://{PasswordLogin.User}:{PasswordLogin.Password}@{PostgresServer.Host}:{server.Port}/postgres";

        var e = await Assert.ThrowsAsync<BackupSourceException>(() => PostgresScratchDatabase.CreateAsync(url, DumpFormat.Plain));

        Assert.Contains("CREATEDB", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PasswordLogin.Password, e.ToString(), StringComparison.Ordinal);
    }
}
