using Jaga.Core.Updates;
using Jaga.Core.Updates.Registries;
using NuGet.Configuration;

namespace Jaga.NuGet;

/// <summary>The package sources one folder's NuGet configuration names, asked the way restore asks them: a package goes
/// only to the sources package source mapping maps it to (every enabled source when there is no mapping), each of those
/// is asked, and the answer is the union of their versions.</summary>
/// <remarks>When any source asked fails, the answer is that failure, even if another source had versions: the versions
/// of the failed source might be the newest, and an audit must not pass on part of the data (restore fails the same
/// way).</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim holds no handle until AvailableWaitHandle is asked for, which nothing here does.")]
internal sealed class NuGetRegistry(IReadOnlyList<NuGetSource> sources, PackageSourceMapping mapping, int concurrency) : IPackageRegistry
{
    private readonly SemaphoreSlim inFlight = new(Math.Max(1, concurrency));

    public Ecosystem Ecosystem => Ecosystem.NuGet;

    public IReadOnlyList<string> Sources { get; } = [.. sources.Select(s => s.Display)];

    public async Task<RegistryAnswer> VersionsAsync(string name, CancellationToken ct)
    {
        var asked = Asked(name);
        if (asked.Count == 0)
        {
            return new RegistryAnswer.NotFound(mapping.IsEnabled
                ? $"no source: packageSourceMapping maps no source to {name}"
                : "no source: the NuGet configuration enables no package source");
        }
        var answers = await Task.WhenAll(asked.Select(s => AskAsync(s, name, ct)));
        if (answers.OfType<RegistryAnswer.Failed>().FirstOrDefault() is { } failed)
        {
            return failed;
        }
        var found = answers.OfType<RegistryAnswer.Found>().ToList();
        return found.Count == 0
            ? new RegistryAnswer.NotFound(string.Join(", ", asked.Select(s => s.Display)))
            : new RegistryAnswer.Found(
                string.Join(", ", found.Select(f => f.Source)),
                [.. found.SelectMany(f => f.Versions).DistinctBy(v => global::NuGet.Versioning.NuGetVersion.Parse(v.Version))]);
    }

    private List<NuGetSource> Asked(string name)
    {
        if (!mapping.IsEnabled)
        {
            return [.. sources];
        }
        var mapped = mapping.GetConfiguredPackageSources(name);
        return [.. sources.Where(s => mapped.Contains(s.Source.Name, StringComparer.OrdinalIgnoreCase))];
    }

    private async Task<RegistryAnswer> AskAsync(NuGetSource source, string name, CancellationToken ct)
    {
        await inFlight.WaitAsync(ct);
        try
        {
            return await source.VersionsAsync(name, ct);
        }
        finally
        {
            inFlight.Release();
        }
    }
}
