using Jaga.Engine.Updates.Unused;

namespace Jaga.Updates.Tests.Unused;

/// <summary>Reading a package's assemblies and the build-only references from a <c>project.assets.json</c> (the shape
/// <c>dotnet restore</c> writes, cut to what is read).</summary>
public sealed class ProjectAssetsTests
{
    private const string Assets = """
        {
          "version": 3,
          "targets": {
            "net8.0": {
              "Newtonsoft.Json/13.0.3": {
                "type": "package",
                "compile": { "lib/net6.0/Newtonsoft.Json.dll": { "related": ".xml" } },
                "runtime": { "lib/net6.0/Newtonsoft.Json.dll": { "related": ".xml" } }
              },
              "Microsoft.NET.Test.Sdk/17.8.0": {
                "type": "package",
                "dependencies": { "Microsoft.TestPlatform.TestHost": "17.8.0" },
                "compile": { "lib/netcoreapp3.1/_._": {} },
                "runtime": { "lib/netcoreapp3.1/_._": {} },
                "build": { "build/netcoreapp3.1/Microsoft.NET.Test.Sdk.props": {} }
              },
              "Polly.Core/8.4.0": {
                "type": "package",
                "compile": { "lib/net6.0/Polly.Core.dll": {} },
                "runtime": { "lib/net6.0/Polly.Core.dll": {} }
              },
              "Shared/1.0.0": { "type": "project", "compile": { "bin/placeholder/Shared.dll": {} } }
            },
            "net8.0/linux-x64": {
              "Newtonsoft.Json/13.0.3": { "type": "package", "runtime": { "runtimes/linux-x64/lib/net6.0/Newtonsoft.Json.Native.dll": {} } }
            }
          },
          "project": {
            "frameworks": {
              "net8.0": {
                "dependencies": {
                  "Newtonsoft.Json": { "target": "Package", "version": "[13.0.3, )" },
                  "coverlet.collector": { "include": "Runtime, Build, Native, ContentFiles, Analyzers, BuildTransitive", "suppressParent": "All", "target": "Package", "version": "[6.0.0, )" },
                  "Microsoft.CodeAnalysis.NetAnalyzers": { "suppressParent": "All", "target": "Package", "version": "[8.0.0, )" }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public void Each_package_s_compile_and_runtime_assemblies_across_targets()
    {
        var (packages, _) = DotNetUsage.PackageAssemblies(Assets);

        Assert.Equal(["Newtonsoft.Json", "Newtonsoft.Json.Native"], packages["newtonsoft.json"].Order(StringComparer.Ordinal));
        Assert.Empty(packages["Microsoft.NET.Test.Sdk"]);
        Assert.Equal(["Polly.Core"], packages["Polly.Core"]);
        Assert.False(packages.ContainsKey("Shared"));
    }

    [Fact]
    public void References_that_flow_to_no_consumer_are_build_only()
    {
        var (_, buildOnly) = DotNetUsage.PackageAssemblies(Assets);

        Assert.Equal(["Microsoft.CodeAnalysis.NetAnalyzers", "coverlet.collector"], buildOnly.Order(StringComparer.Ordinal));
    }
}
