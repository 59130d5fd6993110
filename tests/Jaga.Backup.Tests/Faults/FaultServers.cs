using Jaga.Testing;

namespace Jaga.Backup.Tests.Faults;

/// <summary>The real servers the fault tests break: PostgreSQL, sshd (SFTP) and Swift (S3), started once for the collection.
/// The tests in it run one at a time, so one may stop a server (and must start it again) without disturbing another,
/// and the timing of a kill is not at the mercy of a neighbour on a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class FaultServers : ICollectionFixture<PostgresServer>, ICollectionFixture<SshServer>, ICollectionFixture<SwiftServer>
{
    public const string Name = "faults";
}
