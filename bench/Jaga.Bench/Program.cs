using System.Diagnostics;
using System.Globalization;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Engine.Audit;
using Jaga.Postgres;
using Jaga.Sqlite;

if (args is ["osv-match", .. var rest]) return await OsvMatchBench.RunAsync(rest);
if (args is ["copy-compare", .. var copyArgs]) return await CopyCompareBench.RunAsync(copyArgs);
if (args is ["log-query", .. var logArgs]) return await LogQueryBench.RunAsync(logArgs);
if (args is ["dashboard-seed", .. var seedArgs]) return await DashboardSeedBench.RunAsync(seedArgs);

// Usage: Jaga.Bench audit <sqlite-path | postgres://…> <entries> [batch] [canonical-out]
// Appends <entries> audit entries in batches, then verifies the whole chain; prints rates as key=value.
if (args.Length < 3 || args[0] != "audit")
{
    Console.Error.WriteLine("usage: Jaga.Bench audit <sqlite-path|postgres-url> <entries> [batch] [canonical-out]");
    return 2;
}
var target = args[1];
var total = int.Parse(args[2], CultureInfo.InvariantCulture);
var batch = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000;
// The benchmark's composition root: the one place it reads the system clock (banned elsewhere, see BannedSymbols.txt).
#pragma warning disable RS0030
var clock = TimeProvider.System;
#pragma warning restore RS0030
IStateStore store = target.StartsWith("postgres", StringComparison.Ordinal)
    ? await PostgresStateStore.OpenAsync(target, clock, CancellationToken.None)
    : await SqliteStateStore.OpenAsync(target, clock);
await using var _ = store;
var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
var data = new Dictionary<string, string> { ["job"] = "db", ["file"] = "backup/db_2025-11-15.sql" };

var sw = Stopwatch.StartNew();
for (var done = 0; done < total; done += batch)
{
    var drafts = new List<AuditDraft>(batch);
    for (var i = 0; i < Math.Min(batch, total - done); i++)
    {
        var now = clock.GetUtcNow();
        var message = $"Backup database selesai: backup/db_{done + i}.sql";
        drafts.Add(new AuditDraft(now, "bench@localhost", "backup.run", Severity.Info, message, LogLine.Format(now, zone, Severity.Info, message), data));
    }
    await store.AppendBatchAsync(drafts);
}
var append = sw.Elapsed;

sw.Restart();
var report = await AuditVerifier.VerifyAsync(store, null, null, null);
var verify = sw.Elapsed;
if (!report.Intact || report.Entries != total)
{
    Console.Error.WriteLine($"verification failed: {report.Entries} entries, {string.Join("; ", report.Problems.Select(p => p.Message))}");
    return 1;
}
// What `jaga audit verify` does: the same, plus comparing the text log file line by line.
var logFile = Path.Combine(Path.GetTempPath(), $"jaga-bench-{Environment.ProcessId}.log");
await using (var log = new StreamWriter(logFile))
{
    await foreach (var e in store.ReadAsync()) await log.WriteAsync(e.Line + "\n");
}
sw.Restart();
var withLog = await AuditVerifier.VerifyAsync(store, logFile, null, null);
var verifyWithLog = sw.Elapsed;
File.Delete(logFile);
if (!withLog.Intact)
{
    Console.Error.WriteLine($"verification with the log failed: {string.Join("; ", withLog.Problems.Select(p => p.Message))}");
    return 1;
}
if (args.Length > 4)
{
    // The same bytes Jaga hashes, for a sha256sum baseline over one file.
    await using var w = new StreamWriter(args[4]);
    await foreach (var e in store.ReadAsync()) await w.WriteLineAsync(AuditCanonical.Text(e));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"store={store.Description} entries={total} append_s={append.TotalSeconds:0.00} append_per_s={total / append.TotalSeconds:0} verify_s={verify.TotalSeconds:0.00} verify_per_s={total / verify.TotalSeconds:0} verify_with_log_s={verifyWithLog.TotalSeconds:0.00} verify_with_log_per_s={total / verifyWithLog.TotalSeconds:0}"));
return 0;
