using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jaga.Core.Migration;
using Jaga.Core.Migration.Import;
using Jaga.Postgres;
using Npgsql;
using NpgsqlTypes;

/// <summary><c>Jaga.Bench copy-compare EXPORT_DIR POSTGRES_URL [RUNS]</c>: loads an export's CSV files into fresh databases
/// two ways and prints the median seconds of each: text COPY fed the file's bytes as they are (what
/// <c>jaga migrate import</c> does), and binary COPY fed values parsed from the CSV and converted by column type (the
/// other way the issue asks to try). Both create the bare tables in one transaction and load them; keys and indexes are
/// left out, since they cost the same either way.</summary>
internal static class CopyCompareBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: Jaga.Bench copy-compare <export-dir> <postgres-url> [runs]");
            return 2;
        }
        var folder = args[0];
        var admin = PostgresUrl.Parse(args[1]);
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var manifest = ExportManifestJson.TryRead(await File.ReadAllTextAsync(Path.Combine(folder, ExportManifest.FileName)), out var problem)
            ?? throw new InvalidOperationException(problem);
        var plan = ImportPlanner.Plan(manifest.Tables, new Dictionary<string, TargetTable>());
        var times = new Dictionary<string, List<double>> { ["text"] = [], ["binary"] = [] };
        for (var run = 0; run < runs; run++)
        {
            foreach (var mode in run % 2 == 0 ? new[] { "text", "binary" } : ["binary", "text"])
            {
                var db = $"copy_{mode}_{run}";
                await using (var a = new NpgsqlConnection(admin.Settings.ConnectionString))
                {
                    await a.OpenAsync();
                    await new NpgsqlCommand($"DROP DATABASE IF EXISTS {db}", a).ExecuteNonQueryAsync();
                    await new NpgsqlCommand($"CREATE DATABASE {db}", a).ExecuteNonQueryAsync();
                }
                await using var c = new NpgsqlConnection(admin.WithDatabase(db).Settings.ConnectionString);
                await c.OpenAsync();
                var sw = Stopwatch.StartNew();
                await using (var tx = await c.BeginTransactionAsync())
                {
                    foreach (var load in plan.Tables)
                    {
                        foreach (var sql in load.Before) await new NpgsqlCommand(sql, c, tx).ExecuteNonQueryAsync();
                        var path = Path.Combine(folder, load.Table.File);
                        if (mode == "text") await TextAsync(c, load.Copy, path);
                        else await BinaryAsync(c, load.Table, path);
                    }
                    await tx.CommitAsync();
                }
                times[mode].Add(sw.Elapsed.TotalSeconds);
                Console.Error.WriteLine($"run {run + 1} {mode}: {sw.Elapsed.TotalSeconds:0.00} s");
            }
        }
        foreach (var (mode, t) in times)
            Console.WriteLine($"{mode}_median_s={t.Order().ElementAt(t.Count / 2).ToString("0.00", CultureInfo.InvariantCulture)}");
        return 0;
    }

    private static async Task TextAsync(NpgsqlConnection c, string copy, string path)
    {
        await using var writer = await c.BeginTextImportAsync(copy);
        await using var file = File.OpenRead(path);
        await file.CopyToAsync(writer.BaseStream, 1 << 16);
    }

    private static async Task BinaryAsync(NpgsqlConnection c, ManifestTable table, string path)
    {
        var columns = table.Columns;
        await using var importer = await c.BeginBinaryImportAsync(
            $"COPY {Sql.Name(table.Name)} ({Sql.Names(columns.Select(x => x.Name))}) FROM STDIN (FORMAT binary, FREEZE true)");
        using var reader = new StreamReader(path, Encoding.UTF8, false, 1 << 16);
        var csv = new CsvFields(reader);
        csv.NextRecord(new string?[columns.Count]); // the header
        var values = new string?[columns.Count];
        while (csv.NextRecord(values))
        {
            await importer.StartRowAsync();
            for (var i = 0; i < columns.Count; i++)
            {
                var v = values[i];
                if (v is null)
                {
                    await importer.WriteNullAsync();
                    continue;
                }
                var type = columns[i].PgType;
                switch (TypeCompatibility.Of(type))
                {
                    case TypeCompatibility.Family.Integer: await importer.WriteAsync(long.Parse(v, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint); break;
                    case TypeCompatibility.Family.Boolean: await importer.WriteAsync(v == "true", NpgsqlDbType.Boolean); break;
                    case TypeCompatibility.Family.Exact: await importer.WriteAsync(decimal.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture), NpgsqlDbType.Numeric); break;
                    case TypeCompatibility.Family.Float: await importer.WriteAsync(double.Parse(v, CultureInfo.InvariantCulture), NpgsqlDbType.Double); break;
                    case TypeCompatibility.Family.Bytes: await importer.WriteAsync(Convert.FromHexString(v.AsSpan(2)), NpgsqlDbType.Bytea); break;
                    case TypeCompatibility.Family.Timestamp:
                        await importer.WriteAsync(DateTimeOffset.Parse(v, CultureInfo.InvariantCulture).UtcDateTime, NpgsqlDbType.TimestampTz); break;
                    default: await importer.WriteAsync(v, NpgsqlDbType.Text); break;
                }
            }
        }
        await importer.CompleteAsync();
    }

    /// <summary>Just enough RFC 4180 for the experiment: quoted fields with doubled quotes and line breaks; an unquoted
    /// empty field is null, a quoted one the empty string.</summary>
    private sealed class CsvFields(TextReader reader)
    {
        private readonly StringBuilder field = new();

        public bool NextRecord(string?[] values)
        {
            var i = 0;
            var c = reader.Read();
            if (c < 0) return false;
            while (true)
            {
                field.Clear();
                var quoted = false;
                if (c == '"')
                {
                    quoted = true;
                    while (true)
                    {
                        c = reader.Read();
                        if (c == '"')
                        {
                            c = reader.Read();
                            if (c != '"') break;
                        }
                        field.Append((char)c);
                    }
                }
                else
                {
                    while (c is not (',' or '\n' or -1))
                    {
                        field.Append((char)c);
                        c = reader.Read();
                    }
                }
                values[i++] = field.Length == 0 && !quoted ? null : field.ToString();
                if (c is '\n' or -1) return true;
                c = reader.Read();
            }
        }
    }
}
