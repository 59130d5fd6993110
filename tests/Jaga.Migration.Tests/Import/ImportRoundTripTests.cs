using Jaga.Engine.Migration.Import;
using Jaga.Testing;
using Npgsql;
using static Jaga.Migration.Tests.Import.ImportTarget;

namespace Jaga.Migration.Tests.Import;

[Collection(DatabaseServers.Name)]
[Trait("Category", "Integration")]
public sealed class ImportRoundTripTests(PostgresServer postgres)
{
    [Fact]
    public async Task Nulls_empty_strings_quotes_newlines_unicode_binary_booleans_and_timestamps_arrive_exactly()
    {
        using var export = Shop.Export();
        var url = await postgres.CreateDatabaseAsync();
        var result = await Service().RunAsync(new ImportOptions(export.Write(), url));
        Assert.Equal(["customers", "orders"], result.Tables.Select(t => t.Name));
        Assert.All(result.Tables, t => Assert.True(t.Created));
        Assert.Equal(6, result.Rows);

        await using var connection = Connect(url);
        await using var command = new NpgsqlCommand("SELECT id, name, note, active, photo, joined, score FROM customers ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.Equal("Ann \"A\" Smith, Jr.", reader.GetString(1));
        Assert.True(reader.IsDBNull(2));
        Assert.True(reader.GetBoolean(3));
        Assert.Equal([0xde, 0xad, 0xbe, 0xef], (byte[])reader.GetValue(4));
        Assert.Equal(new DateTimeOffset(2025, 11, 14, 19, 0, 0, TimeSpan.Zero).AddTicks(1234560), reader.GetFieldValue<DateTimeOffset>(5));
        Assert.Equal(1.50m, reader.GetDecimal(6));
        Assert.True(await reader.ReadAsync());
        Assert.Equal("", reader.GetString(1));
        Assert.Equal("line one\nline two", reader.GetString(2));
        Assert.False(reader.GetBoolean(3));
        Assert.Empty((byte[])reader.GetValue(4));
        Assert.True(reader.IsDBNull(5));
        Assert.True(reader.IsDBNull(6));
        Assert.True(await reader.ReadAsync());
        Assert.Equal(5L, reader.GetInt64(0));
        Assert.Equal("Ünïcödé 日本語 🎉", reader.GetString(1));
        Assert.Equal("", reader.GetString(2));
        Assert.True(reader.IsDBNull(3));
        Assert.True(reader.IsDBNull(4));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), reader.GetFieldValue<DateTimeOffset>(5));
        Assert.Equal(-3.25m, reader.GetDecimal(6));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Created_tables_get_their_primary_key_foreign_key_indexes_and_sequences_past_the_highest_id()
    {
        using var export = Shop.Export();
        var url = await postgres.CreateDatabaseAsync();
        await Service().RunAsync(new ImportOptions(export.Write(), url));

        Assert.Equal(6L, await ScalarAsync(url, "INSERT INTO customers (name) VALUES ('new') RETURNING id"));
        Assert.Equal(4L, await ScalarAsync(url, "INSERT INTO orders (customer_id, total) VALUES (5, 1) RETURNING id"));
        Assert.Equal("PRIMARY KEY (id)", await ScalarAsync(url, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'customers'::regclass AND contype = 'p'"));
        Assert.Equal("FOREIGN KEY (customer_id) REFERENCES customers(id)", await ScalarAsync(url, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'f'"));
        Assert.Equal(2L, await ScalarAsync(url, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('customers_name', 'orders_customer')"));
        var orphan = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(url, "INSERT INTO orders (customer_id) VALUES (99)"));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, orphan.SqlState);
        // ANALYZE ran: the planner's statistics know the rows.
        Assert.Equal(3f, await ScalarAsync(url, "SELECT reltuples FROM pg_class WHERE relname = 'customers'"));
    }

    [Fact]
    public async Task A_table_the_application_made_is_loaded_by_column_name_and_its_serial_moves_past_the_highest_id()
    {
        using var export = Shop.Export();
        var url = await postgres.CreateDatabaseAsync();
        await ExecuteAsync(url, """
            CREATE TABLE customers (score numeric(12,2), id serial PRIMARY KEY, "Name" varchar(80) NOT NULL, note text, active boolean,
              photo bytea, joined timestamptz, created_at timestamptz NOT NULL DEFAULT now(), nickname text);
            CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers (id), total bigint);
            """);
        var result = await Service().RunAsync(new ImportOptions(export.Write(), url));
        Assert.All(result.Tables, t => Assert.False(t.Created));
        Assert.Equal("line one\nline two", await ScalarAsync(url, "SELECT note FROM customers WHERE id = 2"));
        Assert.Equal("Ann \"A\" Smith, Jr.", await ScalarAsync(url, "SELECT \"Name\" FROM customers WHERE id = 1"));
        Assert.Equal(6, await ScalarAsync(url, "INSERT INTO customers (\"Name\") VALUES ('new') RETURNING id"));
        Assert.Equal(4L, await ScalarAsync(url, "INSERT INTO orders (customer_id) VALUES (5) RETURNING id"));
    }

    [Fact]
    public async Task An_existing_schema_that_does_not_match_is_refused_with_every_mismatch_before_any_row_is_written()
    {
        using var export = Shop.Export();
        var url = await postgres.CreateDatabaseAsync();
        await ExecuteAsync(url, """
            CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, note text, active integer, photo bytea, joined timestamptz, score numeric);
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_ref bigint, total integer, placed_at timestamptz NOT NULL);
            """);
        var e = await Assert.ThrowsAsync<Jaga.Core.Errors.UserException>(() => Service().RunAsync(new ImportOptions(export.Write(), url)));
        Assert.Contains("3 problems", e.Message, StringComparison.Ordinal);
        Assert.Contains("table customers: column active is boolean in the export but integer in the target", e.Message, StringComparison.Ordinal);
        Assert.Contains("table orders: the export's column customer_id has no column of that name in the target table", e.Message, StringComparison.Ordinal);
        Assert.Contains("table orders: the target's column placed_at is NOT NULL without a default", e.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync(url, "customers"));
    }

    [Fact]
    public async Task A_target_table_with_rows_is_refused_and_truncate_replaces_them()
    {
        using var export = Shop.Export();
        var folder = export.Write();
        var url = await postgres.CreateDatabaseAsync();
        await Service().RunAsync(new ImportOptions(folder, url));

        var e = await Assert.ThrowsAsync<Jaga.Core.Errors.UserException>(() => Service().RunAsync(new ImportOptions(folder, url)));
        Assert.Contains("table customers in the target already holds rows (give --truncate to empty it first)", e.Message, StringComparison.Ordinal);
        Assert.Contains("table orders in the target already holds rows", e.Message, StringComparison.Ordinal);

        await ExecuteAsync(url, "INSERT INTO orders (customer_id, total) VALUES (1, 7)");
        var again = await Service().RunAsync(new ImportOptions(folder, url) { Truncate = true });
        Assert.All(again.Tables, t => Assert.True(t.Truncated));
        Assert.Equal(3L, await CountAsync(url, "orders"));
        Assert.Equal(4L, await ScalarAsync(url, "INSERT INTO orders (customer_id) VALUES (1) RETURNING id"));
    }

    [Fact]
    public async Task A_file_changed_since_the_export_is_found_in_the_copy_pass_and_its_table_is_rolled_back_before_the_commit()
    {
        using var export = Shop.Export();
        var folder = export.Write();
        await File.WriteAllTextAsync(export.PathOf("orders"), Shop.Orders.Replace("250", "251", StringComparison.Ordinal));
        var url = await postgres.CreateDatabaseAsync();
        var e = await Assert.ThrowsAsync<ImportFailedException>(() => Service().RunAsync(new ImportOptions(folder, url)));
        Assert.StartsWith($"{export.PathOf("orders")} changed since the export", e.Message, StringComparison.Ordinal);
        Assert.Equal(["customers"], e.Finished);
        Assert.Equal(3L, await CountAsync(url, "customers"));
        Assert.False(await ExistsAsync(url, "orders"));

        var atomic = await postgres.CreateDatabaseAsync();
        await Assert.ThrowsAsync<ImportFailedException>(() => Service().RunAsync(new ImportOptions(folder, atomic) { Atomic = true }));
        Assert.False(await ExistsAsync(atomic, "customers"));
    }

    [Fact]
    public async Task Tables_limits_the_import_and_a_foreign_key_to_a_table_left_out_is_noted()
    {
        using var export = Shop.Export();
        var url = await postgres.CreateDatabaseAsync();
        var result = await Service().RunAsync(new ImportOptions(export.Write(), url) { Tables = ["orders"] });
        Assert.Equal(["orders"], result.Tables.Select(t => t.Name));
        Assert.Contains("the foreign key (customer_id) to customers is not created: customers is not imported", result.Tables[0].Notes);
        Assert.False(await ExistsAsync(url, "customers"));

        var unknown = await Assert.ThrowsAsync<Jaga.Core.Errors.UserException>(() => Service().RunAsync(new ImportOptions(export.Folder, url) { Tables = ["invoices"] }));
        Assert.Contains("--tables names invoices, which the export does not hold (it holds: customers, orders)", unknown.Message, StringComparison.Ordinal);
    }
}
