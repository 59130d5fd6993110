using Jaga.Core.Adapters;

namespace Jaga.NuGet;

/// <summary>Adds what NuGet serves: the registries of .NET packages.</summary>
public static class NuGetAdapters
{
    public static AdapterSet AddNuGet(this AdapterSet adapters) => adapters.AddRegistry(new NuGetRegistryAdapter());
}
