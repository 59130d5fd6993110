using Jaga.Core.Adapters;
using Jaga.Core.Updates;
using Jaga.NuGet;

namespace Jaga.Updates.Tests.NuGet;

public sealed class NuGetAdaptersTests
{
    [Fact]
    public void AddNuGet_registers_the_registry_adapter_of_the_NuGet_ecosystem()
    {
        var adapters = new AdapterSet().AddNuGet();

        Assert.IsType<NuGetRegistryAdapter>(adapters.Registry(Ecosystem.NuGet));
        Assert.Null(adapters.Registry(Ecosystem.Npm));
    }
}
