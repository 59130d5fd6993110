using Jaga.Engine.Migration.Import;
using Jaga.Testing;
using static Jaga.Migration.Tests.Import.ImportTarget;

namespace Jaga.Migration.Tests.Import;

[Collection(DatabaseServers.Name)]
[Trait("Category", "Integration")]
public sealed class ImportFailureTests(PostgresServer postgres)
{
    /// <summary>Row 3 of customers (record 4, after a value with a line break) has 'abc' for a number: line 5 of the file.</summary>
    private static readonly string BadScore = Shop.Customers.Replace("-3.25", "abc", StringComparison.Ordinal);

    [Fact]
    public async Task A_value_of_the_wrong_type_is_reported_at_its_file_line_and_column_and_nothing_of_its_table_is_left()
    {
        using var export = Shop.Export(customers: BadScore);
        var url = await postgres.CreateDatabaseAsync();
        var e = await Assert.ThrowsAsync<ImportFailedException>(() => Service().RunAsync(new ImportOptions(export.Write(), url)));
        Assert.Equal(export.PathOf("customers"), e.File);
        Assert.Equal(5, e.Line);
        Assert.Equal("score", e.Column);
        // The refused value may be personal data: the message (which the log and the audit entry keep) leaves it out, the
        // detail (the terminal's only) has it.
        Assert.Equal($"{export.PathOf("customers")}:5: column score: invalid input syntax for type numeric", e.Message);
        Assert.Equal("invalid input syntax for type numeric: \"abc\"", e.Detail);
        Assert.Empty(e.Finished);
        Assert.False(await ExistsAsync(url, "customers"));
        Assert.False(await ExistsAsync(url, "orders"));
    }

    [Fact]
    public async Task A_bad_value_in_a_record_with_a_line_break_is_reported_at_the_line_the_record_starts()
    {
        // Row 2 spans lines 3 and 4; PostgreSQL names line 4, where it finished reading it.
        using var export = Shop.Export(customers: Shop.Customers.Replace("false,\\x", "maybe,\\x", StringComparison.Ordinal));
        var url = await postgres.CreateDatabaseAsync();
        var e = await Assert.ThrowsAsync<ImportFailedException>(() => Service().RunAsync(new ImportOptions(export.Write(), url)));
        Assert.Equal(3, e.Line);
        Assert.Equal("active", e.Column);
        Assert.Equal("invalid input syntax for type boolean", e.Reason);
        Assert.Contains("\"maybe\"", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_atomic_a_bad_child_table_is_rolled_back_and_the_tables_committed_before_it_are_listed()
    {
        // Row 2 of orders has one value too many: a malformed row, line 3.
        using var export = Shop.Export(orders: Shop.Orders.Replace("2,1,250", "2,1,250,9", StringComparison.Ordinal));
        var url = await postgres.CreateDatabaseAsync();
        var e = await Assert.ThrowsAsync<ImportFailedException>(() => Service().RunAsync(new ImportOptions(export.Write(), url)));
        Assert.Equal(3, e.Line);
        Assert.Null(e.Column);
        Assert.Contains("extra data after last expected column", e.Reason, StringComparison.Ordinal);
        Assert.Equal(["customers"], e.Finished);
        Assert.Contains("customers", e.Hint, StringComparison.Ordinal);
        Assert.Equal(3L, await CountAsync(url, "customers"));
        Assert.False(await ExistsAsync(url, "orders"));
    }

    [Fact]
    public async Task With_atomic_a_bad_child_table_leaves_the_target_as_it_was()
    {
        using var export = Shop.Export(orders: Shop.Orders.Replace("3,5,", "3,5,\"unterminated", StringComparison.Ordinal));
        var url = await postgres.CreateDatabaseAsync();
        var e = await Assert.ThrowsAsync<ImportFailedException>(() => Service().RunAsync(new ImportOptions(export.Write(), url) { Atomic = true }));
        Assert.Equal(export.PathOf("orders"), e.File);
        Assert.Equal(4, e.Line);
        Assert.Contains("unterminated CSV quoted field", e.Reason, StringComparison.Ordinal);
        Assert.Empty(e.Finished);
        Assert.False(await ExistsAsync(url, "customers"));
        Assert.False(await ExistsAsync(url, "orders"));
    }

    [Fact]
    public async Task A_bad_row_in_an_existing_table_leaves_its_earlier_rows_and_the_truncated_ones_as_they_were_with_atomic()
    {
        using var good = Shop.Export();
        var url = await postgres.CreateDatabaseAsync();
        await Service().RunAsync(new ImportOptions(good.Write(), url));

        using var bad = Shop.Export(orders: Shop.Orders.Replace("3,5,", "3,77,", StringComparison.Ordinal));
        var e = await Assert.ThrowsAsync<ImportFailedException>(() => Service().RunAsync(new ImportOptions(bad.Write(), url) { Atomic = true, Truncate = true }));
        // A child row whose parent is missing: the foreign key is checked as the COPY ends, so PostgreSQL names the key,
        // not the line.
        Assert.Null(e.Line);
        Assert.DoesNotContain("77", e.Message + e.Reason, StringComparison.Ordinal);
        Assert.Contains("Key (customer_id)=(77) is not present", e.Detail, StringComparison.Ordinal);
        Assert.StartsWith("table orders was refused: insert or update on table \"orders\" violates foreign key constraint", e.Message, StringComparison.Ordinal);
        Assert.Equal(250, await ScalarAsync(url, "SELECT total FROM orders WHERE id = 2"));
        Assert.Equal(3L, await CountAsync(url, "customers"));
    }

    [Fact]
    public async Task A_target_that_is_not_postgres_or_cannot_be_reached_is_a_clear_error_without_the_password()
    {
        using var export = Shop.Export();
        var folder = export.Write();
        var kind = await Assert.ThrowsAsync<Jaga.Core.Errors.UserException>(() => Service().RunAsync(new ImportOptions(folder, "mysql://root:pw@localhost/app")));
        Assert.Contains("PostgreSQL", kind.Message, StringComparison.Ordinal);

        var port = Loopback.FreePort();
        var away = await Assert.ThrowsAsync<Jaga.Core.Errors.UserException>(() =>
            Service().RunAsync(new ImportOptions(folder, $"postgres://jaga:Secret-Pw-9@127.0.0.1:{port}/app")));
        Assert.Contains($"cannot connect to postgres://jaga:***@127.0.0.1:{port}/app", away.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret-Pw-9", away.Message + away.Hint, StringComparison.Ordinal);
    }
}
