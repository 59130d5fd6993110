namespace Jaga.Core.Storage;

/// <summary>What a store supplies to <see cref="SchemaMigrator"/>: its schema-version table and its SQL, all inside one
/// transaction of its own (so two processes opening a new store at once do not both migrate it).</summary>
public interface ISchemaSession
{
    /// <summary>The versions already recorded, creating the table that records them when it does not exist yet.</summary>
    Task<IReadOnlyCollection<int>> AppliedAsync(CancellationToken ct);

    /// <summary>Runs the step's SQL and records its version, name and <paramref name="at"/>.</summary>
    Task ApplyAsync(SchemaStep step, DateTimeOffset at, CancellationToken ct);
}
