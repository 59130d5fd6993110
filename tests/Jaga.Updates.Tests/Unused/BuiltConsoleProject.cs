using System.IO.Compression;
using System.Text;
using Jaga.Testing;

namespace Jaga.Updates.Tests.Unused;

/// <summary>A console project built once by the real <c>dotnet build</c>, referencing three packages of a local folder
/// feed: Jaga.Used (its code calls it), Jaga.Spare (packed, referenced, never called) and Jaga.BuildOnly (a hand-made
/// package with build/ assets only, like an analyzer or a test adapter). Its own HOME and NUGET_PACKAGES keep the
/// user's caches out; build servers are off so no process outlives a command.</summary>
public sealed class BuiltConsoleProject : IAsyncLifetime
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("jaga-unused-dotnet-").FullName;

    /// <summary>The project root: App.csproj, Program.cs, bin/ and obj/.</summary>
    public string App => Path.Combine(Dir, "app");

    private string Feed => Path.Combine(Dir, "feed");

    private Dictionary<string, string> Env => new(StringComparer.Ordinal)
    {
        ["HOME"] = Path.Combine(Dir, "home"),
        ["DOTNET_CLI_HOME"] = Path.Combine(Dir, "home"),
        ["NUGET_PACKAGES"] = Path.Combine(Dir, "packages"),
        ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(Dir, "http-cache"),
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["UseSharedCompilation"] = "false",
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "home"));
        var src = Path.Combine(Dir, "src");
        // A method, not a constant: a constant is copied into the caller and leaves no reference behind.
        Library(src, "Jaga.Used", "namespace Jaga.Used; public static class Greeting { public static string Text() => \"hello\"; }");
        Library(src, "Jaga.Spare", "namespace Jaga.Spare; public static class Idle { public static int Nothing() => 0; }");
        await File.WriteAllTextAsync(Path.Combine(src, "feed.slnx"), "<Solution>\n  <Project Path=\"Jaga.Used/Jaga.Used.csproj\" />\n  <Project Path=\"Jaga.Spare/Jaga.Spare.csproj\" />\n</Solution>\n");
        await File.WriteAllTextAsync(Path.Combine(src, "NuGet.Config"), "<configuration><packageSources><clear /></packageSources></configuration>\n");
        await RunAsync(src, "pack", "feed.slnx", "-c", "Release", "-o", Feed);
        BuildOnlyPackage();

        Directory.CreateDirectory(App);
        await File.WriteAllTextAsync(Path.Combine(App, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Jaga.Used" Version="1.0.0" />
                <PackageReference Include="Jaga.Spare" Version="1.0.0" />
                <PackageReference Include="Jaga.BuildOnly" Version="1.0.0" />
              </ItemGroup>
            </Project>

            """);
        await File.WriteAllTextAsync(Path.Combine(App, "Program.cs"), "System.Console.WriteLine(Jaga.Used.Greeting.Text());\n");
        await File.WriteAllTextAsync(Path.Combine(App, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>

            """);
        await RunAsync(App, "build", "-c", "Release");
    }

    public Task DisposeAsync()
    {
        Jaga.Testing.FixtureFolders.TryDelete(Dir);
        return Task.CompletedTask;
    }

    private static void Library(string src, string id, string code)
    {
        Directory.CreateDirectory(Path.Combine(src, id));
        File.WriteAllText(Path.Combine(src, id, id + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Version>1.0.0</Version>
                <Authors>test</Authors>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(src, id, "Lib.cs"), code + "\n");
    }

    /// <summary>A package with a build/ props file and no assembly, as analyzers and test adapters are shaped.</summary>
    private void BuildOnlyPackage()
    {
        using var zip = ZipFile.Open(Path.Combine(Feed, "Jaga.BuildOnly.1.0.0.nupkg"), ZipArchiveMode.Create);
        Entry(zip, "Jaga.BuildOnly.nuspec", """
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>Jaga.BuildOnly</id>
                <version>1.0.0</version>
                <authors>test</authors>
                <description>Build assets only.</description>
              </metadata>
            </package>
            """);
        Entry(zip, "build/Jaga.BuildOnly.props", "<Project />\n");
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private async Task RunAsync(string folder, params string[] args)
    {
        var run = await ChildProcess.RunAsync("dotnet", args, TimeSpan.FromMinutes(8), folder, Env);
        Assert.True(run.ExitCode == 0, $"dotnet {string.Join(' ', args)} in {folder} exited {run.ExitCode}:\n{run.Output}");
    }
}
