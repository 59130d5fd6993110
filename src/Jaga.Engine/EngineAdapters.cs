using Jaga.Core.Adapters;
using Jaga.Core.Plan;
using Jaga.Engine.Backup.Destinations;
using Jaga.Engine.Backup.Sources;
using Jaga.Engine.Updates.Registries.Npm;
using Jaga.Engine.Updates.Registries.PyPI;

namespace Jaga.Engine;

/// <summary>Adds what the engine serves itself, with no package behind it: local folders as destinations, files as a
/// backup source, and the npm and PyPI registries (plain HTTP).</summary>
public static class EngineAdapters
{
    public static AdapterSet AddBuiltIn(this AdapterSet adapters) =>
        adapters
            .AddDestination<LocalFolder>((name, folder, plan, _) => new LocalDestination(name, plan.Resolve(folder.Path)))
            .AddSource(new FilesSourceAdapter())
            .AddRegistry(new NpmRegistryAdapter())
            .AddRegistry(new PyPIRegistryAdapter());
}
