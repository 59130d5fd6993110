using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary><c>jaga migrate run</c> began.</summary>
/// <param name="From">The source database, any password masked.</param>
/// <param name="To">The target database, any password masked.</param>
/// <param name="Steps">How many steps it will take.</param>
public sealed record MigrationStarted(string From, string To, int Steps)
    : JournalEvent("migration.start", "migration.started", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [From, To, Steps];
}
