using Jaga.Testing;

namespace Jaga.Sources.Tests;

/// <summary>One PostgreSQL server for every test class in the collection, started once per test run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
