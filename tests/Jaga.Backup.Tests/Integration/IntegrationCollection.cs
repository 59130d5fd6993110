using Jaga.Testing;

namespace Jaga.Backup.Tests.Integration;

/// <summary>One PostgreSQL server, one SSH server and one Swift (S3) store for every integration test; the tests in the
/// collection run one at a time, so a test may count the server's databases before and after.</summary>
[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<SshServer>, ICollectionFixture<SwiftServer>
{
    public const string Name = "backup-integration";
}
