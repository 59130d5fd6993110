using Jaga.Testing;

namespace Jaga.Destinations.Tests;

/// <summary>One Swift store serves every S3 test; tests in the collection run one at a time, so a test may stop it.</summary>
[CollectionDefinition(Name)]
public sealed class SwiftCollection : ICollectionFixture<SwiftServer>
{
    public const string Name = "swift";
}
