using Jaga.Cli.Composition;
using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;
using Jaga.Engine.Notify;
using Jaga.Engine.Planning;

namespace Jaga.Monitoring.Tests.Notify;

/// <summary>A plan with notify channels in a temp folder, its SQLite state store and journal, and a dispatcher over them
/// (real HTTP, real SMTP): what the monitor engine will hold.</summary>
public sealed class NotifyWorkspace : IAsyncDisposable
{
    private readonly string folder;
    private readonly IStateStore store;
    private readonly HttpClient http = new();

    private NotifyWorkspace(string folder, LoadedPlan plan, IStateStore store, NotifyPolicy policy)
    {
        this.folder = folder;
        this.store = store;
        Plan = plan;
        Journal = new MaintenanceJournal(store, plan, TimeProvider.System, "notify-test") { Waits = TimeProvider.System };
        Dispatcher = new AlertDispatcher(plan, Journal, TimeProvider.System, http, CompositionRoot.Adapters.Mail!, policy);
    }

    /// <summary>Quick retries for tests: 3 tries 100 ms apart (then 200 ms), 5 s per try.</summary>
    public static NotifyPolicy FastPolicy { get; } = new(3, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 10);

    public LoadedPlan Plan { get; }

    public MaintenanceJournal Journal { get; }

    public AlertDispatcher Dispatcher { get; }

    /// <summary>A workspace whose plan's <c>notify:</c> section is <paramref name="notifyYaml"/> (indented by two spaces).</summary>
    public static async Task<NotifyWorkspace> CreateAsync(string notifyYaml, NotifyPolicy? policy = null, string language = "en")
    {
        var folder = Directory.CreateTempSubdirectory("jaga-notify-").FullName;
        var yaml = $"version: 1\nproject: tokoku\ntimezone: Asia/Jakarta\nlanguage: {language}\nstate: .jaga/state.db\nlog: {{ file: logs/maintenance.log }}\nnotify:\n{notifyYaml}";
        var path = Path.Combine(folder, "jaga.yaml");
        await File.WriteAllTextAsync(path, yaml);
        var loaded = PlanFile.Load(path);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        var store = await CompositionRoot.OpenStoreAsync(loaded.Plan!, TimeProvider.System);
        return new NotifyWorkspace(folder, loaded.Plan!, store, policy ?? FastPolicy);
    }

    public string[] LogLines() => File.Exists(Journal.LogPath) ? File.ReadAllLines(Journal.LogPath) : [];

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string? kindPrefix = null)
    {
        var list = new List<AuditEntry>();
        await foreach (var e in store.ReadAsync())
            if (kindPrefix is null || e.Kind.StartsWith(kindPrefix, StringComparison.Ordinal)) list.Add(e);
        return list;
    }

    /// <summary>Waits until the log has <paramref name="count"/> lines containing <paramref name="part"/>.</summary>
    public async Task<string[]> WaitForLinesAsync(string part, int count, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var lines = LogLines().Where(l => l.Contains(part, StringComparison.Ordinal)).ToArray();
            if (lines.Length >= count) return lines;
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"expected {count} log line(s) with '{part}' within {timeout.TotalSeconds:0} s; the log:\n{string.Join("\n", LogLines())}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Dispatcher.DisposeAsync();
        await store.DisposeAsync();
        http.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleanup.
        }
    }
}
