namespace Jaga.Updates.Tests.NuGet;

/// <summary>The NuGet registry tests share one <c>dotnet pack</c>.</summary>
[CollectionDefinition(Name)]
public sealed class NuGetFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "nuget feed";
}
