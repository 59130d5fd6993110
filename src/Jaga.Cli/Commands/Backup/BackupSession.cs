using System.Diagnostics;
using System.Globalization;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Engine.Journal;
using Spectre.Console;
using Jaga.Cli.Composition;

namespace Jaga.Cli.Commands.Backup;

/// <summary>What every backup command opens: the plan, the state store, the journal, and the backup services over them.</summary>
internal sealed class BackupSession : IAsyncDisposable
{
    private readonly IStateStore store;

    private BackupSession(CliContext ctx, LoadedPlan plan, IStateStore store, MaintenanceJournal journal, string? identity)
    {
        Context = ctx;
        Plan = plan;
        this.store = store;
        Journal = journal;
        var options = new BackupOptions(identity, (_, attempt, why) => ctx.Output.Error($"jaga: {why}; trying again ({attempt})"), ctx.RealTime);
        Services = CompositionRoot.Compose(plan, store, journal, ctx.Clock, ctx.RealTime, RunMode.Command, backup: options).Backup;
    }

    public CliContext Context { get; }

    public LoadedPlan Plan { get; }

    public MaintenanceJournal Journal { get; }

    public BackupServices Services { get; }

    public IBackupCatalog Catalog => Services.Catalog;

    /// <summary>The restore drills of the store (<c>jaga drill restore</c> works on a backup session).</summary>
    public IDrills Drills => store.Drills;

    public static async Task<BackupSession> OpenAsync(CliContext ctx, string? identity, CancellationToken ct)
    {
        if (identity is not null && !File.Exists(identity)) throw new UserError($"--identity: {identity} not found");
        var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
        return new BackupSession(ctx, plan, store, journal, identity);
    }

    public BackupJob Job(string name) =>
        Plan.Plan.Backup.FirstOrDefault(j => j.Name == name)
        ?? throw new UserError($"the plan has no backup job '{name}'" + (Plan.Plan.Backup.Count > 0 ? $"; its jobs: {string.Join(", ", Plan.Plan.Backup.Select(j => j.Name))}" : ""));

    /// <summary>A backup by id, or by a prefix of it that only one backup has (as restic and git accept).</summary>
    public async Task<BackupRecord> FindAsync(string id, CancellationToken ct)
    {
        if (await Catalog.FindAsync(id, ct) is { } exact) return exact;
        var matches = (await Catalog.ListAsync(null, ct)).Where(r => r.Id.StartsWith(id, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new UserError($"no backup with id '{id}'; 'jaga backup list' shows them"),
            _ => throw new UserError($"'{id}' matches {matches.Count} backups ({string.Join(", ", matches.Take(5).Select(m => m.Id))}); give more of the id"),
        };
    }

    /// <summary>The newest backup of <paramref name="job"/> (or of any job) that completed at one destination at least.</summary>
    /// <summary>The newest completed backup of <paramref name="job"/>; without a job, of the only job that has one. With
    /// several jobs "latest" is ambiguous: a files backup must not be restored where a database was meant.</summary>
    public async Task<BackupRecord> LatestAsync(string? job, CancellationToken ct)
    {
        var completed = (await Catalog.ListAsync(job, ct)).Where(r => r.Status is BackupStatus.Complete or BackupStatus.Partial && r.Manifest is not null).ToList();
        var jobs = completed.Select(r => r.Job).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (job is null && jobs.Count > 1)
            throw new UserError($"'latest' of which job? {string.Join(", ", jobs)} have backups", $"name one: --job {jobs[0]}");
        return completed.FirstOrDefault()
            ?? throw new UserError(job is null ? "there is no completed backup yet" : $"job '{job}' has no completed backup yet");
    }

    public string Time(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, Plan.Plan.Timezone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="work"/> with a progress display of bytes and rate when on a terminal; plainly otherwise.
    /// With a known <paramref name="total"/>, a bar; without one (a dump's size is known only at its end), the bytes so far.</summary>
    public async Task<T> WithProgressAsync<T>(string title, long? total, Func<BackupObserver, Task<T>> work)
    {
        if (!Context.Output.Terminal) return await work(new BackupObserver());
        ProgressColumn[] columns = total is null
            ? [new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn()]
            : [new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new ElapsedTimeColumn()];
        return await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(columns)
            .StartAsync(async p =>
            {
                var task = p.AddTask(Markup.Escape(title), maxValue: total ?? 1);
                var label = title;
                long bytes = 0;
                var started = Stopwatch.GetTimestamp();
                void Show()
                {
                    if (total is not null) return;
                    var seconds = Math.Max(Stopwatch.GetElapsedTime(started).TotalSeconds, 0.001);
                    task.Description = Markup.Escape($"{label}  {BackupListCommand.Size(bytes)}  {BackupListCommand.Size((long)(bytes / seconds))}/s");
                }
                var observer = new BackupObserver(
                    Read: n =>
                    {
                        Interlocked.Add(ref bytes, n);
                        if (total is null) Show();
                        else task.Increment(n);
                    },
                    Stored: null,
                    Note: note =>
                    {
                        label = $"{title}: {note}";
                        if (total is null) Show();
                        else task.Description = Markup.Escape(label);
                    });
                var result = await work(observer);
                task.StopTask();
                return result;
            });
    }

    public async ValueTask DisposeAsync() => await store.DisposeAsync();
}
