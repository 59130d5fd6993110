using Jaga.Core.Updates;
using Jaga.Core.Updates.Registries;

namespace Jaga.Engine.Updates.Registries.PyPI;

/// <summary>Python package indexes as pip's configuration names them (pip.conf files, <c>PIP_CONFIG_FILE</c>,
/// <c>PIP_INDEX_URL</c>, <c>PIP_EXTRA_INDEX_URL</c>), asked over plain HTTP through the simple repository API.</summary>
public sealed class PyPIRegistryAdapter : IRegistryAdapter
{
    private readonly RegistryGates gates = new();

    public Ecosystem Ecosystem => Ecosystem.PyPI;

    public IPackageRegistry Open(RegistryContext context) => new PyPIRegistry(PipConfig.Load(context), context, gates);
}
