using Jaga.Testing;

namespace Jaga.Migration.Tests;

/// <summary>One PostgreSQL and one MariaDB for every migration integration test (each test makes its own database).</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseServers : ICollectionFixture<PostgresServer>, ICollectionFixture<MariaDbServer>
{
    public const string Name = "migration-databases";
}
