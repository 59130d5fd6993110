using NuGet.Configuration;

namespace Jaga.NuGet;

/// <summary>The NuGet.Config files NuGet reads for a folder, closest first: one per directory from the folder up to the
/// root, the user's (<c>~/.nuget/NuGet/NuGet.Config</c> and <c>~/.nuget/NuGet/config/*.config</c>), then the machine's
/// (<c>/etc/opt/NuGet/Config/*.config</c>, or under <c>NUGET_COMMON_APPLICATION_DATA</c>).</summary>
/// <remarks>NuGet's <c>Settings.LoadDefaultSettings</c> walks the same list but finds the user's home and the machine
/// folder through the process environment, and writes a default user config when there is none. Listing the files here
/// routes <c>HOME</c> and <c>NUGET_COMMON_APPLICATION_DATA</c> through the plan's environment lookup and keeps Jaga
/// from writing into the user's home; NuGet itself still reads, merges (<c>&lt;clear/&gt;</c>, precedence) and
/// validates every file.</remarks>
internal static class NuGetConfigFiles
{
    public static IReadOnlyList<string> For(string folder, Func<string, string?> environment, string defaultUserConfig)
    {
        var files = new List<string>();
        for (var dir = Path.GetFullPath(folder); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            // One file per directory, the first casing NuGet looks for (its own order of names).
            var file = Settings.OrderedSettingsFileNames.Select(name => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
            if (file is not null)
            {
                files.Add(file);
            }
        }
        files.AddRange(UserFiles(environment, defaultUserConfig));
        files.AddRange(MachineFiles(environment));
        return files;
    }

    private static IEnumerable<string> UserFiles(Func<string, string?> environment, string defaultUserConfig)
    {
        var home = environment("HOME");
        var userDir = string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".nuget", "NuGet");
        var user = userDir is null ? null : Path.Combine(userDir, Settings.DefaultSettingsFileName);
        if (user is not null && File.Exists(user))
        {
            yield return user;
        }
        else
        {
            // Where NuGet would create the user's config with its default content (nuget.org as the one source), Jaga
            // has NuGet create that same default in Jaga's cache, so a machine that never ran NuGet gets NuGet's answer.
            Directory.CreateDirectory(Path.GetDirectoryName(defaultUserConfig)!);
            yield return defaultUserConfig;
        }
        var additional = userDir is null ? null : Path.Combine(userDir, "config");
        if (additional is not null && Directory.Exists(additional))
        {
            foreach (var file in Directory.EnumerateFiles(additional)
                .Where(f => f.EndsWith(".config", StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(Path.GetFileName(f), Settings.DefaultSettingsFileName, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            {
                yield return file;
            }
        }
    }

    private static IEnumerable<string> MachineFiles(Func<string, string?> environment)
    {
        var common = environment("NUGET_COMMON_APPLICATION_DATA") is { Length: > 0 } overridden ? overridden : "/etc/opt";
        var root = Path.Combine(common, "NuGet", "Config");
        return Directory.Exists(root) && Settings.LoadMachineWideSettings(root) is Settings machine
            ? machine.GetConfigFilePaths()
            : [];
    }
}
