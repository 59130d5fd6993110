using System.Text.RegularExpressions;
using System.Xml;
using Jaga.Core.Errors;
using NuGet.Configuration;

namespace Jaga.NuGet;

/// <summary>What the NuGet.Config hierarchy of a folder says, read by NuGet.Configuration: the enabled package sources
/// (disabled ones left out) with their credentials, and the package source mapping.</summary>
internal sealed partial record NuGetConfiguration(
    IReadOnlyList<string> Files,
    IReadOnlyList<PackageSource> Sources,
    PackageSourceMapping Mapping,
    ISettings Settings)
{
    /// <summary>Reads the configuration for <paramref name="folder"/>; a file NuGet cannot read is a
    /// <see cref="UserException"/> naming it.</summary>
    public static NuGetConfiguration Load(string folder, Func<string, string?> environment, string cacheFolder)
    {
        var files = NuGetConfigFiles.For(folder, environment, Path.Combine(cacheFolder, "default-user", global::NuGet.Configuration.Settings.DefaultSettingsFileName));
        try
        {
            var settings = global::NuGet.Configuration.Settings.LoadSettingsGivenConfigPaths([.. files]);
            var sources = new PackageSourceProvider(settings)
                .LoadPackageSources()
                .Where(s => s.IsEnabled)
                .Select(s => WithCredentials(s, environment, files))
                .ToList();
            return new(files, sources, PackageSourceMapping.GetPackageSourceMapping(settings), settings);
        }
        catch (Exception e) when (e is NuGetConfigurationException or XmlException or IOException or UnauthorizedAccessException)
        {
            throw new UserException(
                $"NuGet configuration cannot be read: {e.Message}",
                $"fix or remove that file (dotnet restore fails on it too); the files read for {folder}, closest first: {string.Join(", ", files)}",
                e);
        }
    }

    /// <summary>The source's credentials with every <c>%NAME%</c> NuGet left (a variable the process environment does
    /// not have) looked up in the plan's environment, NuGet's own syntax.</summary>
    private static PackageSource WithCredentials(PackageSource source, Func<string, string?> environment, IReadOnlyList<string> files)
    {
        if (source.Credentials is not { } credentials)
        {
            return source;
        }
        if (!credentials.IsPasswordClearText && !OperatingSystem.IsWindows())
        {
            throw new UserException(
                $"NuGet configuration: the credentials of package source '{source.Name}' have an encrypted <Password>, which only Windows can decrypt",
                $"write it as <add key=\"ClearTextPassword\" value=\"%YOUR_TOKEN_VARIABLE%\" /> in <packageSourceCredentials> (files read: {string.Join(", ", files)})");
        }
        source.Credentials = new PackageSourceCredential(
            source.Source,
            Expand(credentials.Username, environment),
            Expand(credentials.Password, environment),
            isPasswordClearText: true,
            credentials.ValidAuthenticationTypesText);
        return source;
    }

    private static string Expand(string value, Func<string, string?> environment) =>
        Variable().Replace(value, m => environment(m.Groups[1].Value) ?? m.Value);

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Variable();
}
