using System.Globalization;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Postgres;
using Jaga.Sqlite;

// Usage: Jaga.Stores.Writer <sqlite file path | postgres:// URL> <count> <actor>
//        Jaga.Stores.Writer <sqlite file path | postgres:// URL> lock <jobs> <owner>
// Opens the store, prints "ready" and waits for a line on standard input (so the test can release two writers at
// the same moment). Then it either appends <count> entries one by one and prints "appended <count>", or tries the
// to claim job-1 … job-<jobs> once each (as a run by hand does) and prints "won" followed by the jobs it claimed.
const string Usage = "usage: Jaga.Stores.Writer <sqlite path | postgres:// URL> (<count> <actor> | lock <jobs> <owner>)";
var locking = args.Length == 4 && args[1] == "lock";
if (!(args.Length == 3 || locking) || !int.TryParse(args[^2], CultureInfo.InvariantCulture, out var count))
{
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}
var (location, actor) = (args[0], args[^1]);
// This writer process's composition root: the one place it reads the system clock.
#pragma warning disable RS0030
var clock = TimeProvider.System;
#pragma warning restore RS0030
IStateStore store = location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
    || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        ? await PostgresStateStore.OpenAsync(location, clock)
        : await SqliteStateStore.OpenAsync(location, clock);
await using (store)
{
    Console.WriteLine("ready");
    await Console.In.ReadLineAsync();
    if (locking)
    {
        var won = new List<string>();
        for (var j = 1; j <= count; j++)
        {
            var job = $"job-{j}";
            var now = clock.GetUtcNow();
            var start = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond));
            if ((await store.Runs.TryClaimAsync(job, start, actor, now, TimeSpan.FromMinutes(10))).Result == ClaimResult.Claimed) won.Add(job);
        }
        Console.WriteLine(string.Join(' ', ["won", .. won]));
        return 0;
    }
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
