using System.IO.Compression;
using Jaga.Testing;

namespace Jaga.Updates.Tests.Apply;

/// <summary>A local NuGet folder feed made by <c>dotnet pack</c>: Acme.Calc 1.0.0, 1.0.1 (same behaviour) and 2.0.0 (its
/// <c>Add</c> multiplies: a consumer's test breaks), Acme.Text 1.0.0 and 1.0.1. Its own HOME and NUGET_PACKAGES keep the
/// user's caches and configuration out; build servers are off so no process outlives a command.</summary>
public sealed class AcmeFeed : IAsyncLifetime
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("jaga-acme-").FullName;

    public string Feed => Path.Combine(Dir, "feed");

    /// <summary>The environment every dotnet command of these tests runs with.</summary>
    public IReadOnlyDictionary<string, string> Env => new Dictionary<string, string>(StringComparer.Ordinal)
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
        Library(src, "Calc100", "Acme.Calc", "1.0.0", "namespace Acme.Calc; public static class Calculator { public static int Add(int a, int b) => a + b; }");
        Library(src, "Calc101", "Acme.Calc", "1.0.1", "namespace Acme.Calc; public static class Calculator { public static int Add(int a, int b) => checked(a + b); }");
        Library(src, "Calc200", "Acme.Calc", "2.0.0", "namespace Acme.Calc; public static class Calculator { public static int Add(int a, int b) => a * b; }");
        Library(src, "Text100", "Acme.Text", "1.0.0", "namespace Acme.Text; public static class Words { public static string Shout(string s) => s.ToUpperInvariant() + \"!\"; }");
        Library(src, "Text101", "Acme.Text", "1.0.1", "namespace Acme.Text; public static class Words { public static string Shout(string s) => string.Concat(s.ToUpperInvariant(), \"!\"); }");
        var projects = string.Concat(new[] { "Calc100", "Calc101", "Calc200", "Text100", "Text101" }.Select(p => $"  <Project Path=\"{p}/{p}.csproj\" />\n"));
        await File.WriteAllTextAsync(Path.Combine(src, "feed.slnx"), $"<Solution>\n{projects}</Solution>\n");
        await File.WriteAllTextAsync(Path.Combine(src, "NuGet.Config"), "<configuration><packageSources><clear /></packageSources></configuration>\n");
        // One pack of the five projects: one build, not five.
        await RunAsync(src, "pack", "feed.slnx", "-c", "Release", "-o", Feed);
        Restamp();
    }

    /// <summary>Writes the consumer project into <paramref name="w"/>'s root: App.csproj referencing Acme.Calc and Acme.Text
    /// 1.0.0 with a lock file, a Program.cs that checks them (exit 0 or 1: the plan's test is <c>dotnet run</c>), and a
    /// NuGet.Config that names this feed alone; then restores it, which writes packages.lock.json.</summary>
    public async Task ConsumerAsync(UpdateWorkspace w)
    {
        w.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>
              </PropertyGroup>
              <ItemGroup>
                <!-- the calculator the test checks -->
                <PackageReference Include="Acme.Calc" Version="1.0.0" />
                <PackageReference Include="Acme.Text" Version="1.0.0" />
              </ItemGroup>
            </Project>

            """);
        w.Write("Program.cs", """
            var sum = Acme.Calc.Calculator.Add(2, 3);
            if (sum != 5) { System.Console.WriteLine($"FAIL: Add(2, 3) returned {sum}, expected 5"); return 1; }
            if (Acme.Text.Words.Shout("ok") != "OK!") { System.Console.WriteLine("FAIL: Shout"); return 1; }
            System.Console.WriteLine("2 passed, 0 failed");
            return 0;

            """);
        w.Write("NuGet.Config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="acme" value="{Feed}" />
              </packageSources>
            </configuration>

            """);
        await RunAsync(w.Root, "restore");
    }

    public Task DisposeAsync()
    {
        Jaga.Testing.FixtureFolders.TryDelete(Dir);
        return Task.CompletedTask;
    }

    /// <summary>Gives each package's files a time of its own. Built together, two versions of a tiny library can have the
    /// same size and, at the zip's two-second resolution, the same time; NuGet extracts files with their entry's time, and
    /// MSBuild's copy to bin/ skips a file of the same size and time: the app would run with the version it had before.</summary>
    private void Restamp()
    {
        var packages = Directory.GetFiles(Feed, "*.nupkg").Order(StringComparer.Ordinal).ToList();
        foreach (var (package, i) in packages.Select((p, i) => (p, i)))
        {
            using var zip = ZipFile.Open(package, ZipArchiveMode.Update);
            foreach (var entry in zip.Entries) entry.LastWriteTime = new DateTimeOffset(2024, 1, 1 + i, 12, 0, 0, TimeSpan.Zero);
        }
    }

    private static void Library(string src, string folder, string id, string version, string code)
    {
        Directory.CreateDirectory(Path.Combine(src, folder));
        File.WriteAllText(Path.Combine(src, folder, folder + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <PackageId>{id}</PackageId>
                <AssemblyName>{id}</AssemblyName>
                <Version>{version}</Version>
                <Authors>test</Authors>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(src, folder, "Lib.cs"), code + "\n");
    }

    private async Task RunAsync(string folder, params string[] args)
    {
        var run = await ChildProcess.RunAsync("dotnet", args, TimeSpan.FromMinutes(8), folder, Env);
        Assert.True(run.ExitCode == 0, $"dotnet {string.Join(' ', args)} in {folder} exited {run.ExitCode}:\n{run.Output}");
    }
}
