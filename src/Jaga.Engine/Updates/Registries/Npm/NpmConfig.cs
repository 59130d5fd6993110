using System.Text.Json;
using Jaga.Core.Errors;
using Jaga.Core.Redaction;
using Jaga.Core.Updates.Registries;

namespace Jaga.Engine.Updates.Registries.Npm;

/// <summary>npm's configuration for one project folder, from the files npm itself reads, highest first: the
/// <c>npm_config_registry</c> variable, the project's .npmrc (in the folder of the nearest package.json, or of the
/// workspace root above it), the user's (<c>NPM_CONFIG_USERCONFIG</c> or <c>$HOME/.npmrc</c>) and the global one
/// (<c>NPM_CONFIG_GLOBALCONFIG</c> or <c>{prefix}/etc/npmrc</c>).</summary>
internal sealed class NpmConfig
{
    /// <summary>npm's own default, used when no configuration names a registry.</summary>
    public const string DefaultRegistry = "https://registry.npmjs.org/";

    private readonly IReadOnlyList<Dictionary<string, NpmSetting>> layers;

    private NpmConfig(IReadOnlyList<Dictionary<string, NpmSetting>> layers, RegistryContext context)
    {
        this.layers = layers;
        Registry = Get("registry") is { } r ? RegistryUrl(r, context) : new Uri(DefaultRegistry);
        var scopes = new SortedDictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var (key, setting) in layer)
            {
                if (key.StartsWith('@') && key.EndsWith(":registry", StringComparison.Ordinal))
                    scopes.TryAdd(key[..^":registry".Length], RegistryUrl(setting, context));
            }
        }
        Scopes = scopes;
    }

    /// <summary>The default registry, with a trailing slash.</summary>
    public Uri Registry { get; }

    /// <summary>The scoped registries (<c>@acme</c> → its URL).</summary>
    public IReadOnlyDictionary<string, Uri> Scopes { get; }

    public static NpmConfig Load(RegistryContext context)
    {
        string? Env(string name) => context.Environment("npm_config_" + name) ?? context.Environment("NPM_CONFIG_" + name.ToUpperInvariant());

        var layers = new List<Dictionary<string, NpmSetting>>();
        if (Env("registry") is { Length: > 0 } registry)
            layers.Add(new(StringComparer.Ordinal) { ["registry"] = new NpmSetting(registry, "npm_config_registry", []) });
        var project = Path.Combine(ProjectRoot(context.Folder), ".npmrc");
        var user = Env("userconfig") ?? (context.Environment("HOME") is { Length: > 0 } home ? Path.Combine(home, ".npmrc") : null);
        var global = Env("globalconfig") ?? (Prefix(Env("prefix"), context) is { } prefix ? Path.Combine(prefix, "etc", "npmrc") : null);
        foreach (var file in new[] { project, user, global }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (Read(file, context) is { } text) layers.Add(NpmrcFile.Parse(text, file, context.Environment));
        }
        return new NpmConfig(layers, context);
    }

    /// <summary>The registry that serves <paramref name="name"/>: its scope's, else the default.</summary>
    public Uri RegistryFor(string name) =>
        name.StartsWith('@') && name.IndexOf('/', StringComparison.Ordinal) is > 1 and var slash && Scopes.TryGetValue(name[..slash], out var scoped)
            ? scoped
            : Registry;

    /// <summary>The setting of <paramref name="key"/> from the highest layer that has it.</summary>
    public NpmSetting? Get(string key)
    {
        foreach (var layer in layers)
            if (layer.TryGetValue(key, out var setting)) return setting;
        return null;
    }

    /// <summary>npm's "local prefix": the nearest folder at or above <paramref name="folder"/> with a package.json or
    /// node_modules, or the workspace root above that whose package.json has <c>workspaces</c>.</summary>
    private static string ProjectRoot(string folder)
    {
        var start = new DirectoryInfo(folder);
        var nearest = Ancestors(start).FirstOrDefault(d => File.Exists(Path.Combine(d.FullName, "package.json")) || Directory.Exists(Path.Combine(d.FullName, "node_modules")));
        if (nearest is null) return start.FullName;
        var workspaceRoot = Ancestors(nearest).Skip(1).FirstOrDefault(d => HasWorkspaces(Path.Combine(d.FullName, "package.json")));
        return (workspaceRoot ?? nearest).FullName;
    }

    private static IEnumerable<DirectoryInfo> Ancestors(DirectoryInfo? dir)
    {
        for (; dir is not null; dir = dir.Parent) yield return dir;
    }

    private static bool HasWorkspaces(string packageJson)
    {
        if (!File.Exists(packageJson)) return false;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(packageJson));
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("workspaces", out _);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // Not a workspace root npm could read either.
            return false;
        }
    }

    /// <summary>npm's prefix: the configured one, else the folder above the one <c>node</c> runs from.</summary>
    private static string? Prefix(string? configured, RegistryContext context)
    {
        if (configured is { Length: > 0 }) return configured;
        foreach (var dir in (context.Environment("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var node = new FileInfo(Path.Combine(dir, "node"));
            if (!node.Exists) continue;
            var real = node.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? node.FullName;
            return Path.GetDirectoryName(Path.GetDirectoryName(real));
        }
        return null;
    }

    private static string? Read(string file, RegistryContext context)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllText(file) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException(context.Words.Format("reason.registry.config.unreadable", file, e.Message), context.Words["reason.registry.config.unreadable.hint"]);
        }
    }

    private static Uri RegistryUrl(NpmSetting setting, RegistryContext context)
    {
        var text = setting.Value.EndsWith('/') ? setting.Value : setting.Value + "/";
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            return url;
        throw new UserException(context.Words.Format("reason.registry.config.url", setting.Origin, Redactor.None.Redact(setting.Value)), context.Words["reason.registry.config.url.hint"]);
    }
}
