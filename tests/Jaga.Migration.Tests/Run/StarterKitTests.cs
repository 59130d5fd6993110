using System.Globalization;
using Jaga.Testing;
using Microsoft.Data.Sqlite;

namespace Jaga.Migration.Tests.Run;

/// <summary>The example's starter-kit database (examples/tokoku/data/app.db) is what its script (app.sql) makes: the
/// committed binary is rebuilt from the script and compared, schema and every value with its storage class.</summary>
public sealed class StarterKitTests
{
    [Fact]
    public void The_committed_app_db_holds_exactly_what_app_sql_makes()
    {
        var data = Path.Combine(ExamplePlan.Folder, "data");
        var rebuilt = Path.Combine(Path.GetTempPath(), $"jaga-starter-{Guid.NewGuid():N}.db");
        try
        {
            using (var c = Open(rebuilt, SqliteOpenMode.ReadWriteCreate))
            {
                using var script = c.CreateCommand();
                script.CommandText = File.ReadAllText(Path.Combine(data, "app.sql"));
                script.ExecuteNonQuery();
            }
            var committed = Dump(Path.Combine(data, "app.db"));

            Assert.Equal(Dump(rebuilt), committed);
            Assert.Contains(committed, l => l.StartsWith("order_items|", StringComparison.Ordinal));
            Assert.True(committed.Count > 20, string.Join('\n', committed));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(rebuilt);
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString);
        c.Open();
        return c;
    }

    /// <summary>The schema's statements, then every row of every table in rowid order, each value with its type.</summary>
    private static List<string> Dump(string path)
    {
        using var c = Open(path, SqliteOpenMode.ReadOnly);
        var lines = new List<string>();
        var tables = new List<string>();
        using (var schema = c.CreateCommand())
        {
            schema.CommandText = "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name";
            using var r = schema.ExecuteReader();
            while (r.Read())
            {
                lines.Add($"{r.GetString(0)} {r.GetString(1)}: {r.GetString(2)}");
                if (r.GetString(0) == "table") tables.Add(r.GetString(1));
            }
        }
        foreach (var table in tables)
        {
            using var rows = c.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var r = rows.ExecuteReader();
            while (r.Read())
                lines.Add(table + "|" + string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => Value(r.GetValue(i)))));
        }
        return lines;
    }

    private static string Value(object v) => v switch
    {
        DBNull => "NULL",
        byte[] b => "x" + Convert.ToHexStringLower(b),
        long l => "i" + l.ToString(CultureInfo.InvariantCulture),
        double d => "r" + d.ToString("R", CultureInfo.InvariantCulture),
        string s => "t" + s,
        _ => v.GetType().Name + v,
    };
}
