using System.Globalization;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Postgres;
using Jaga.Sqlite;

// Usage: Jaga.Stores.Writer <sqlite file path | postgres:// URL> <count> <actor>
// Opens the store, prints "ready", waits for a line on standard input (so the test can release two
// writers at the same moment), appends <count> entries one by one, and prints "appended <count>".
if (args.Length != 3 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count))
{
    await Console.Error.WriteLineAsync("usage: Jaga.Stores.Writer <sqlite path | postgres:// URL> <count> <actor>");
    return 2;
}
var (location, actor) = (args[0], args[2]);
var clock = TimeProvider.System;
IStateStore store = location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
    || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        ? await PostgresStateStore.OpenAsync(location, clock)
        : await SqliteStateStore.OpenAsync(location, clock);
await using (store)
{
    Console.WriteLine("ready");
    await Console.In.ReadLineAsync();
    for (var i = 1; i <= count; i++)
    {
        var data = new Dictionary<string, string> { ["writer"] = actor, ["n"] = i.ToString(CultureInfo.InvariantCulture) };
        await store.AppendAsync(new AuditDraft(clock.GetUtcNow(), actor, "test.append", Severity.Info, $"{actor} entry {i}", "", data));
        // A pause now and then, as real writers have, lets the other writer's waiting append in between.
        if (i % 10 == 0) await Task.Delay(TimeSpan.FromMilliseconds(5));
    }
    Console.WriteLine($"appended {count}");
}
return 0;
