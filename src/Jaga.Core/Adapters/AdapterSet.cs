using Jaga.Core.Errors;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Registries;

namespace Jaga.Core.Adapters;

/// <summary>Which adapter serves each kind the plan can name: destinations by their record type, sources, databases,
/// state stores, mail. Filled once in the composition root (each adapter project adds itself with one call) and read by
/// the pillars, which therefore reference no adapter project.</summary>
public sealed class AdapterSet
{
    private readonly Dictionary<Type, Func<string, Destination, LoadedPlan, TimeProvider, IBackupDestination>> destinations = [];
    private readonly Dictionary<SourceKind, ISourceAdapter> sources = [];
    private readonly Dictionary<DatabaseKind, IDatabaseAdapter> databases = [];
    private readonly List<IStateStoreAdapter> stores = [];
    private readonly Dictionary<Ecosystem, IRegistryAdapter> registries = [];
    private readonly List<Migration.IMigrationSourceAdapter> migrationSources = [];

    /// <summary>Sends alert e-mail; null when no mail adapter was added.</summary>
    public ISmtpSender? Mail { get; private set; }

    /// <summary>Adds the adapter of one kind of destination: <paramref name="open"/> gets the destination's name, its
    /// record, the plan (relative paths) and the clock of pauses between its own retries.</summary>
    public AdapterSet AddDestination<T>(Func<string, T, LoadedPlan, TimeProvider, IBackupDestination> open) where T : Destination
    {
        destinations.Add(typeof(T), (name, d, plan, waits) => open(name, (T)d, plan, waits));
        return this;
    }

    public AdapterSet AddSource(ISourceAdapter adapter)
    {
        sources.Add(adapter.Kind, adapter);
        return this;
    }

    public AdapterSet AddDatabase(IDatabaseAdapter adapter)
    {
        databases.Add(adapter.Kind, adapter);
        return this;
    }

    /// <summary>Stores are asked in the order they were added; the first that serves the plan's <c>state:</c> opens it.</summary>
    public AdapterSet AddStateStore(IStateStoreAdapter adapter)
    {
        stores.Add(adapter);
        return this;
    }

    public AdapterSet AddRegistry(IRegistryAdapter adapter)
    {
        registries.Add(adapter.Ecosystem, adapter);
        return this;
    }

    /// <summary>The adapter of an ecosystem's registries; null when this build has none.</summary>
    public IRegistryAdapter? Registry(Ecosystem ecosystem) => registries.GetValueOrDefault(ecosystem);

    /// <summary>The database <c>jaga migrate import</c> loads into; null when no adapter serves one.</summary>
    public Migration.Import.IImportTarget? ImportTarget { get; private set; }

    public AdapterSet AddImportTarget(Migration.Import.IImportTarget target)
    {
        ImportTarget = target;
        return this;
    }

    public AdapterSet AddMail(ISmtpSender sender)
    {
        Mail = sender;
        return this;
    }

    /// <summary>Logs in for <c>ssh</c> checks with a <c>user</c>; null when no SSH adapter was added.</summary>
    public ISshLogin? Ssh { get; private set; }

    public AdapterSet AddSsh(ISshLogin login)
    {
        Ssh = login;
        return this;
    }

    public IBackupDestination OpenDestination(string name, Destination destination, LoadedPlan plan, TimeProvider waits) =>
        destinations.TryGetValue(destination.GetType(), out var open)
            ? open(name, destination, plan, waits)
            : throw new InvalidOperationException($"no adapter serves {destination.Kind} destinations: the composition root misses its registration");

    /// <summary>The adapter of a source kind; null when this build has none (MySQL backups, for now).</summary>
    public ISourceAdapter? Source(SourceKind kind) => sources.GetValueOrDefault(kind);

    public IDatabaseAdapter Database(DatabaseKind kind) =>
        databases.TryGetValue(kind, out var adapter)
            ? adapter
            : throw new InvalidOperationException($"no adapter serves {kind} databases: the composition root misses its registration");

    public Task<IStateStore> OpenStoreAsync(LoadedPlan plan, TimeProvider clock, CancellationToken ct = default) =>
        (stores.FirstOrDefault(s => s.Serves(plan.Plan.State))
            ?? throw new UserException($"state: no store serves '{plan.Plan.State}'", "give a SQLite file path or a postgres:// URL"))
        .OpenAsync(plan, clock, ct);

    public AdapterSet AddMigrationSource(Migration.IMigrationSourceAdapter adapter)
    {
        migrationSources.Add(adapter);
        return this;
    }

    /// <summary>The adapter that reads the database <paramref name="url"/> names for <c>jaga migrate export</c> and
    /// <c>verify</c>: the first that serves its scheme.</summary>
    public Task<Migration.IMigrationSource> OpenMigrationSourceAsync(string url, CancellationToken ct) =>
        (migrationSources.FirstOrDefault(a => a.Serves(url))
            ?? throw new UserException($"'{Redaction.Redactor.None.Redact(url)}' names no database Jaga can read",
                "write sqlite:PATH, postgres://user@host:5432/db or mysql://user@host:3306/db"))
        .OpenAsync(url, ct);
}
