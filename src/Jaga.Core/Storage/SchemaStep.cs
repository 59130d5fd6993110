namespace Jaga.Core.Storage;

/// <summary>One versioned step of a store's schema: its SQL, applied once and recorded under its version.</summary>
/// <param name="Version">Steps are applied in increasing version order, starting at 1.</param>
/// <param name="Name">What the step adds, recorded with it and shown by <c>jaga status</c>.</param>
/// <param name="Sql">The store's own SQL for it.</param>
public sealed record SchemaStep(int Version, string Name, string Sql);
