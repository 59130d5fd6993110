using Jaga.Core.Updates;
using Jaga.Core.Updates.Registries;

namespace Jaga.Engine.Updates.Registries.Npm;

/// <summary>The npm registries one project's configuration names, asked for packuments.</summary>
internal sealed class NpmRegistry(NpmConfig config, RegistryContext context, RegistryGates gates) : IPackageRegistry
{
    /// <summary>The abbreviated packument, which npm install itself asks for; a registry that has none sends the full one.</summary>
    private const string Accept = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";

    private readonly RegistryHttpCache cache = new(context);

    public Ecosystem Ecosystem => Ecosystem.Npm;

    public IReadOnlyList<string> Sources { get; } =
        [RegistryUrl.Shown(config.Registry), .. config.Scopes.Select(s => $"{s.Key}: {RegistryUrl.Shown(s.Value)}")];

    public async Task<RegistryAnswer> VersionsAsync(string name, CancellationToken ct)
    {
        var registry = config.RegistryFor(name);
        var source = RegistryUrl.Shown(registry);
        var url = new Uri(RegistryUrl.Bare(registry).AbsoluteUri + Escaped(name));
        var credentials = NpmCredentials.For(url, config);
        var fetch = await cache.GetAsync(url, Accept, credentials?.Header, gates.For(registry, context.Concurrency), NpmPackument.Condensed, ct);
        return RegistryAnswers.From(fetch, source, name, context.Words, d => NpmPackument.Versions(d.Content), "npm packument",
            status => Unauthorized(source, name, status, credentials, registry));
    }

    /// <summary>A scoped name's slash is sent encoded (<c>@acme%2fx</c>), as npm sends it.</summary>
    private static string Escaped(string name) =>
        string.Join("%2f", name.Split('/').Select(part => part.StartsWith('@') ? "@" + Uri.EscapeDataString(part[1..]) : Uri.EscapeDataString(part)));

    private string Unauthorized(string source, string name, int status, NpmCredentials? credentials, Uri registry)
    {
        var words = context.Words;
        return credentials switch
        {
            null => words.Format("reason.registry.npm.nocredentials", source, name, status, $"//{registry.Authority}{registry.AbsolutePath}:_authToken"),
            { Unset.Count: > 0 } => words.Format("reason.registry.unset", source, name, status, credentials.Origin, string.Join(", ", credentials.Unset)),
            _ => words.Format("reason.registry.refused", source, name, status, credentials.Origin),
        };
    }
}
