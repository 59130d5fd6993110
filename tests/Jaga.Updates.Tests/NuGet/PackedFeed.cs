using System.IO.Compression;
using System.Text;
using Jaga.Testing;

namespace Jaga.Updates.Tests.NuGet;

/// <summary>A tiny class library, <see cref="Id"/>, packed by the real <c>dotnet pack</c> once for the test run, and the
/// same package at the other <see cref="Versions"/> (the packed .nupkg with its .nuspec's version changed, which is all
/// that differs between two packs of one project).</summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public const string Id = "Jaga.Tiny";

    public static readonly string[] Versions = ["1.0.0", "1.0.1", "1.1.0", "2.0.0-beta.1"];

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"jaga-nugetfeed-{Guid.NewGuid():N}");

    private string Packed => Path.Combine(Root, "packed");

    async Task IAsyncLifetime.InitializeAsync()
    {
        var project = Path.Combine(Root, "lib");
        Directory.CreateDirectory(project);
        // No source at all: the library references no package, and restore must not reach a network.
        await File.WriteAllTextAsync(Path.Combine(Root, "NuGet.Config"), NuGetConfigText.Of("<packageSources><clear /></packageSources>"));
        await File.WriteAllTextAsync(Path.Combine(project, $"{Id}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <PackageId>{Id}</PackageId>
                <Authors>jaga-tests</Authors>
                <Description>A package for Jaga's NuGet registry tests.</Description>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "Answer.cs"), "namespace Jaga.Tiny;\n\npublic static class Answer\n{\n    public const int Value = 42;\n}\n");
        var pack = await ChildProcess.RunAsync("dotnet",
            ["pack", project, "-c", "Release", $"-p:Version={Versions[0]}", "-o", Packed, "--nologo", "--disable-build-servers"],
            PackTimeout, Root);
        Assert.True(pack.ExitCode == 0, $"dotnet pack failed:\n{pack.Output}");
        foreach (var version in Versions.Skip(1))
        {
            Reversion(Nupkg(Versions[0]), version, Nupkg(version));
        }
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        FixtureFolders.TryDelete(Root);
        return Task.CompletedTask;
    }

    /// <summary>The packed package at <paramref name="version"/>.</summary>
    public string Nupkg(string version) => Path.Combine(Packed, $"{Id}.{version}.nupkg");

    /// <summary>A new folder feed (the flat layout <c>dotnet pack -o</c> writes) holding the package at
    /// <paramref name="versions"/>.</summary>
    public string FolderFeed(params string[] versions)
    {
        var feed = Path.Combine(Root, $"feed-{Guid.NewGuid():N}");
        Directory.CreateDirectory(feed);
        foreach (var version in versions)
        {
            if (!File.Exists(Nupkg(version)))
            {
                Reversion(Nupkg(Versions[0]), version, Nupkg(version));
            }
            File.Copy(Nupkg(version), Path.Combine(feed, Path.GetFileName(Nupkg(version))));
        }
        return feed;
    }

    private static void Reversion(string source, string version, string target)
    {
        File.Copy(source, target, overwrite: true);
        using var zip = ZipFile.Open(target, ZipArchiveMode.Update);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)
            || e.FullName.EndsWith(".psmdcp", StringComparison.Ordinal)).ToList())
        {
            string text;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                text = reader.ReadToEnd();
            }
            var changed = text.Replace($"<version>{Versions[0]}</version>", $"<version>{version}</version>", StringComparison.Ordinal);
            Assert.NotEqual(text, changed);
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(changed);
        }
    }
}
