using Jaga.Core.Updates;
using Jaga.Core.Updates.Registries;

namespace Jaga.Engine.Updates.Registries.Npm;

/// <summary>npm registries as the project's, the user's and the global .npmrc name them (registry, scoped registries,
/// tokens and basic credentials keyed by registry), asked over plain HTTP for packuments.</summary>
public sealed class NpmRegistryAdapter : IRegistryAdapter
{
    private readonly RegistryGates gates = new();

    public Ecosystem Ecosystem => Ecosystem.Npm;

    public IPackageRegistry Open(RegistryContext context) => new NpmRegistry(NpmConfig.Load(context), context, gates);
}
