using Jaga.Core.Updates;
using Jaga.Core.Updates.Registries;

namespace Jaga.Engine.Updates.Registries.PyPI;

/// <summary>The package indexes pip's configuration names, asked through the simple repository API
/// (<c>{index}/{normalized name}/</c>), JSON (PEP 691) preferred and HTML (PEP 503) taken.</summary>
/// <remarks>An index kept as files (a <c>file:</c> URL or a folder) is read the way pip reads one: the project's
/// <c>{folder}/{normalized name}/index.html</c> (PEP 503's HTML), with no cache and no network, also offline.
/// Every index is asked, as pip does: the versions are the union of what they list. When one of them fails,
/// the answer is that failure, since a newer version may be on the index that did not answer.</remarks>
internal sealed class PyPIRegistry(IReadOnlyList<PipIndex> indexes, RegistryContext context, RegistryGates gates) : IPackageRegistry
{
    private const string Accept = SimpleIndexPage.JsonType + ", application/vnd.pypi.simple.v1+html; q=0.2, text/html; q=0.01";

    private readonly RegistryHttpCache cache = new(context);

    public Ecosystem Ecosystem => Ecosystem.PyPI;

    public IReadOnlyList<string> Sources { get; } = [.. indexes.Select(i => i.Url.AbsoluteUri)];

    public async Task<RegistryAnswer> VersionsAsync(string name, CancellationToken ct)
    {
        var answers = await Task.WhenAll(indexes.Select(i => AskAsync(i, name, ct)));
        if (answers.OfType<RegistryAnswer.Failed>().FirstOrDefault() is { } failed) return failed;
        var found = answers.OfType<RegistryAnswer.Found>().ToList();
        if (found.Count == 0) return new RegistryAnswer.NotFound(Sources[0]);
        var versions = found.SelectMany(f => f.Versions)
            .GroupBy(v => v.Version, StringComparer.Ordinal)
            .Select(g => new PublishedVersion(g.Key, g.All(v => v.Withdrawn), g.Min(v => v.Published)))
            .ToList();
        return new RegistryAnswer.Found(string.Join(", ", found.Select(f => f.Source)), versions);
    }

    private async Task<RegistryAnswer> AskAsync(PipIndex index, string name, CancellationToken ct)
    {
        var source = index.Url.AbsoluteUri;
        var project = DistributionFile.Normalize(name);
        var words = context.Words;
        var fetch = index.Folder is { } folder
            ? LocalIndex.Read(folder, project, words)
            : await cache.GetAsync(new Uri(index.Url, Uri.EscapeDataString(project) + "/"), Accept, index.Auth, gates.For(index.Url, context.Concurrency), condense: null, ct);
        return RegistryAnswers.From(fetch, source, name, words, d => SimpleIndexPage.Versions(d.Content, d.MediaType, project), "PEP 503/691",
            status => index.Auth is null
                ? words.Format("reason.registry.pip.nocredentials", source, name, status, index.Origin)
                : words.Format("reason.registry.refused", source, name, status, index.Origin));
    }
}
