namespace Jaga.Core.Migration.Run;

/// <summary>One step of a migration run in its receipt.</summary>
/// <param name="Step">Which step.</param>
/// <param name="Succeeded">Whether it did.</param>
/// <param name="Detail">What it did, or why it failed.</param>
/// <param name="Duration">How long it took.</param>
public sealed record ReceiptStep(MigrationStep Step, bool Succeeded, string Detail, TimeSpan Duration);
