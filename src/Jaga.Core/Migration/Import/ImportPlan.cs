using Jaga.Core.Messages;

namespace Jaga.Core.Migration.Import;

/// <summary>The import's plan: the tables in load order (parents first), then the foreign keys of the tables it creates,
/// added once every table is loaded; or every problem that stops it before any row is written.</summary>
public sealed record ImportPlan(IReadOnlyList<TableLoad> Tables, IReadOnlyList<ForeignKeyLoad> ForeignKeys, IReadOnlyList<Phrase> Problems)
{
    public bool Ok => Problems.Count == 0;
}
