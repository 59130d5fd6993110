using Jaga.Testing;

namespace Jaga.Daemon.Tests;

/// <summary>One PostgreSQL server for the multi-node and store-outage tests. One collection, so they run one after another:
/// several daemons at once are heavy on a small machine, and the outage test stops the server the others use.</summary>
[CollectionDefinition(Name)]
public sealed class MultiNodeCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "multi-node postgres";
}
