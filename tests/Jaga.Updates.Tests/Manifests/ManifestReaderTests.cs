using Jaga.Core.Messages;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Manifests;

namespace Jaga.Updates.Tests.Manifests;

public sealed class ManifestReaderTests
{
    [Fact]
    public void A_classlib_project_gives_each_package_reference_at_its_line()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">

              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>

              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.1" />
                <PackageReference Include="Serilog">
                  <Version>[3.1.0]</Version>
                </PackageReference>
                <PackageReference Include="Polly" Version="[7.0,8.0)" />
                <PackageReference Include="Microsoft.SourceLink.GitHub" Version="8.0.0" PrivateAssets="All" />
                <PackageReference Include="Dapper" />
              </ItemGroup>

            </Project>
            """;

        var read = ManifestReader.Read(new ManifestFile("src/Shop/Shop.csproj", ManifestKind.ProjectFile), project);

        Assert.Equal(
        [
            new Dependency(Ecosystem.NuGet, "Newtonsoft.Json", "13.0.1", "13.0.1", new ManifestLocation("src/Shop/Shop.csproj", 10), DependencyScope.Runtime),
            new Dependency(Ecosystem.NuGet, "Serilog", "[3.1.0]", "3.1.0", new ManifestLocation("src/Shop/Shop.csproj", 11), DependencyScope.Runtime),
            new Dependency(Ecosystem.NuGet, "Polly", "[7.0,8.0)", null, new ManifestLocation("src/Shop/Shop.csproj", 14), DependencyScope.Runtime),
            new Dependency(Ecosystem.NuGet, "Microsoft.SourceLink.GitHub", "8.0.0", "8.0.0", new ManifestLocation("src/Shop/Shop.csproj", 15), DependencyScope.Development),
            new Dependency(Ecosystem.NuGet, "Dapper", "", null, new ManifestLocation("src/Shop/Shop.csproj", 16), DependencyScope.Runtime),
        ], read);
    }

    [Fact]
    public void An_old_style_project_in_the_msbuild_namespace_and_an_update_item_are_read()
    {
        const string project = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <ItemGroup>
                <PackageReference Include="log4net">
                  <Version>2.0.15</Version>
                </PackageReference>
                <PackageReference Update="Microsoft.NETCore.App" Version="2.1.30" />
              </ItemGroup>
            </Project>
            """;

        var read = ManifestReader.Read(new ManifestFile("Legacy/Legacy.fsproj", ManifestKind.ProjectFile), project);

        Assert.Equal([("log4net", "2.0.15", 4), ("Microsoft.NETCore.App", "2.1.30", 7)], read.Select(d => (d.Name, d.Requirement, d.Where.Line)));
    }

    [Fact]
    public void A_test_projects_packages_are_development_dependencies()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.8.0" />
                <PackageReference Include="xunit" Version="2.6.2" />
              </ItemGroup>
            </Project>
            """;

        var read = ManifestReader.Read(new ManifestFile("tests/Shop.Tests/Shop.Tests.csproj", ManifestKind.ProjectFile), project);

        Assert.All(read, d => Assert.Equal(DependencyScope.Development, d.Scope));
        Assert.Equal(["Microsoft.NET.Test.Sdk", "xunit"], read.Select(d => d.Name));
    }

    [Fact]
    public void Central_package_management_gives_package_versions_and_global_references()
    {
        const string props = """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Dapper" Version="2.1.24" />
                <PackageVersion Include="Npgsql"
                                Version="8.0.1" />
                <GlobalPackageReference Include="Roslynator.Analyzers" Version="4.7.0" />
              </ItemGroup>
            </Project>
            """;

        var read = ManifestReader.Read(new ManifestFile("Directory.Packages.props", ManifestKind.CentralPackages), props);

        Assert.Equal(
        [
            new Dependency(Ecosystem.NuGet, "Dapper", "2.1.24", "2.1.24", new ManifestLocation("Directory.Packages.props", 6), DependencyScope.Runtime),
            new Dependency(Ecosystem.NuGet, "Npgsql", "8.0.1", "8.0.1", new ManifestLocation("Directory.Packages.props", 7), DependencyScope.Runtime),
            new Dependency(Ecosystem.NuGet, "Roslynator.Analyzers", "4.7.0", "4.7.0", new ManifestLocation("Directory.Packages.props", 9), DependencyScope.Development),
        ], read);
    }

    [Fact]
    public void A_nuget_lock_file_gives_direct_packages_only_with_the_lowest_version_over_frameworks()
    {
        const string lockFile = """
            {
              "version": 2,
              "dependencies": {
                "net6.0": {
                  "Dapper": {
                    "type": "Direct",
                    "requested": "[2.1.24, )",
                    "resolved": "2.1.24",
                    "contentHash": "hwFE8/ZCHyT0eCA7b+uUnZJ6qQyA5vmWJpY9HK3w8WOwgnaAN/9vZtz6ORRFXGRo9Pqp4Vs0V6lQbM4odl7rhgw=="
                  },
                  "Npgsql": {
                    "type": "CentralTransitive",
                    "requested": "[8.0.1, )",
                    "resolved": "8.0.1",
                    "contentHash": "zxQ0hZJFgA=="
                  },
                  "System.Memory": {
                    "type": "Transitive",
                    "resolved": "4.5.5",
                    "contentHash": "XIWiDvKPXaTveaB7HVganDlOCRoj03l+jrwNvcge/t8vhGYKvqV+dMv6G4SAX2NoNmN0wZfVPTAlFwZcZvVOUw=="
                  }
                },
                "net8.0": {
                  "Dapper": {
                    "type": "Direct",
                    "requested": "[2.1.28, )",
                    "resolved": "2.1.28",
                    "contentHash": "ha49pzOEDmCPkMxwfPSR/wxa/6RD3r42TESIgpzpi7FXq/gNVUuJVEO+P1Ts5/ZmNVPJ0pL4p0aP8Dk0fSXcEA=="
                  }
                }
              }
            }
            """;

        var read = ManifestReader.Read(new ManifestFile("src/Shop/packages.lock.json", ManifestKind.NuGetLock), lockFile);

        var dapper = Assert.Single(read);
        Assert.Equal(new Dependency(Ecosystem.NuGet, "Dapper", "[2.1.24, )", "2.1.24", new ManifestLocation("src/Shop/packages.lock.json", 5), DependencyScope.Runtime), dapper);
    }

    private const string PackageJson = """
        {
          "name": "shop-web",
          "version": "1.0.0",
          "scripts": {
            "test": "node --test"
          },
          "dependencies": {
            "express": "^4.17.0",
            "lodash": "4.17.20",
            "@acme/ui": "workspace:^",
            "left-pad": "file:../left-pad",
            "chalk": "github:chalk/chalk#v5.3.0",
            "react17": "npm:react@^17.0.2",
            "fastify": "latest"
          },
          "devDependencies": {
            "eslint": "~8.56.0"
          },
          "optionalDependencies": {
            "fsevents": "^2.3.3"
          },
          "peerDependencies": {
            "react": ">=17"
          }
        }
        """;

    [Fact]
    public void Package_json_gives_dependencies_dev_and_optional_ones_and_skips_what_no_registry_serves_with_why()
    {
        var read = ManifestReader.Read(new ManifestFile("web/package.json", ManifestKind.PackageJson), PackageJson, Catalog.English);

        Assert.Equal(
        [
            new Dependency(Ecosystem.Npm, "express", "^4.17.0", null, new ManifestLocation("web/package.json", 8), DependencyScope.Runtime),
            new Dependency(Ecosystem.Npm, "lodash", "4.17.20", "4.17.20", new ManifestLocation("web/package.json", 9), DependencyScope.Runtime),
            new Dependency(Ecosystem.Npm, "fsevents", "^2.3.3", null, new ManifestLocation("web/package.json", 20), DependencyScope.Runtime),
            new Dependency(Ecosystem.Npm, "eslint", "~8.56.0", null, new ManifestLocation("web/package.json", 17), DependencyScope.Development),
        ], read.Dependencies);
        Assert.Equal(
        [
            ("@acme/ui", 10, "a package of this workspace, not from a registry"),
            ("left-pad", 11, "a local path, not from a registry"),
            ("chalk", 12, "a git repository, not from a registry"),
            ("react17", 13, "an alias of another package (npm:), whose own name is not checked"),
            ("fastify", 14, "a dist-tag, not a version range"),
        ], read.Skipped.Select(s => (s.Name, s.Where.Line, s.Reason)));
    }

    [Fact]
    public void A_package_lock_v3_gives_the_direct_dependencies_with_their_installed_versions()
    {
        const string lockFile = """
            {
              "name": "shop-web",
              "version": "1.0.0",
              "lockfileVersion": 3,
              "requires": true,
              "packages": {
                "": {
                  "name": "shop-web",
                  "version": "1.0.0",
                  "dependencies": {
                    "express": "^4.17.0"
                  },
                  "devDependencies": {
                    "eslint": "~8.56.0"
                  }
                },
                "node_modules/accepts": {
                  "version": "1.3.8",
                  "resolved": "https://registry.npmjs.org/accepts/-/accepts-1.3.8.tgz",
                  "integrity": "sha512-PYAthTa2m2VKxuvSD3DPC/Gy+U+sOA1LAuT8mkmRuvw+NACSaeXEQ+NHcVF7rONl6qcaxV3Uuemwawk+7+SJLw==",
                  "dependencies": {
                    "mime-types": "~2.1.34",
                    "negotiator": "0.6.3"
                  },
                  "engines": {
                    "node": ">= 0.6"
                  }
                },
                "node_modules/eslint": {
                  "version": "8.56.0",
                  "resolved": "https://registry.npmjs.org/eslint/-/eslint-8.56.0.tgz",
                  "integrity": "sha512-Go19xM6T9puCOWntie1/P997aXxFsOi37JIHRWI514Hc6ZnaHGKY9xFhrU65RT6CcBEzZoGG1e6Nq+DT04ZtZQ==",
                  "dev": true,
                  "bin": {
                    "eslint": "bin/eslint.js"
                  }
                },
                "node_modules/express": {
                  "version": "4.18.2",
                  "resolved": "https://registry.npmjs.org/express/-/express-4.18.2.tgz",
                  "integrity": "sha512-5/PsL6iGPdfQ/lKM1UuielYgv3BUoJfz1aUwU9vHZ+J7gyvwdQXFEBIEIaxeGf0GIcreATNyBExtalisDbuMqQ=="
                }
              }
            }
            """;

        var read = ManifestReader.Read(new ManifestFile("web/package-lock.json", ManifestKind.NpmLock), lockFile);

        Assert.Equal(
        [
            new Dependency(Ecosystem.Npm, "express", "^4.17.0", "4.18.2", new ManifestLocation("web/package-lock.json", 38), DependencyScope.Runtime),
            new Dependency(Ecosystem.Npm, "eslint", "~8.56.0", "8.56.0", new ManifestLocation("web/package-lock.json", 29), DependencyScope.Development),
        ], read);
    }

    [Fact]
    public void A_lockfile_v1_gives_the_top_of_its_dependency_tree()
    {
        const string lockFile = """
            {
              "name": "legacy",
              "version": "1.0.0",
              "lockfileVersion": 1,
              "requires": true,
              "dependencies": {
                "debug": {
                  "version": "2.6.9",
                  "resolved": "https://registry.npmjs.org/debug/-/debug-2.6.9.tgz",
                  "requires": {
                    "ms": "2.0.0"
                  }
                },
                "mocha": {
                  "version": "10.2.0",
                  "dev": true
                }
              }
            }
            """;

        var read = ManifestReader.Read(new ManifestFile("package-lock.json", ManifestKind.NpmLock), lockFile);

        Assert.Equal([("debug", "2.6.9", 7, DependencyScope.Runtime), ("mocha", "10.2.0", 14, DependencyScope.Development)],
            read.Select(d => (d.Name, d.Resolved!, d.Where.Line, d.Scope)));
    }

    [Theory]
    [InlineData(ManifestKind.ProjectFile, "App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"A\" Version=\"1.0.0\">\n  </ItemGroup>\n</Project>\n", 4, "fix the file so that dotnet build reads it")]
    [InlineData(ManifestKind.PackageJson, "package.json", "{\n  \"dependencies\": {\n    \"express\": \"^4.17.0\"\n    \"lodash\": \"4.17.21\"\n  }\n}\n", 4, "fix the file so that npm install reads it")]
    [InlineData(ManifestKind.PackageJson, "package.json", "{\n  \"dependencies\": {\n    \"express\": 4\n  }\n}\n", 3, "fix the file so that npm install reads it")]
    [InlineData(ManifestKind.NuGetLock, "packages.lock.json", "{\n  \"version\": 1,\n  \"dependencies\": {\n    \"net8.0\": {\n      \"Dapper\": { \"type\": \"Direct\" }\n    }\n  }\n}\n", 5, "write it again with dotnet restore --force-evaluate")]
    public void A_file_that_is_not_its_kind_is_refused_with_the_file_line_and_fix(ManifestKind kind, string path, string text, int line, string hint)
    {
        var refused = Assert.Throws<ManifestException>(() => ManifestReader.Read(new ManifestFile(path, kind), text));

        Assert.Equal(line, refused.Line);
        Assert.StartsWith($"{path}:{line}: ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(hint, refused.Hint);
    }

    [Fact]
    public void A_manifest_larger_than_the_limit_is_refused_before_it_is_parsed()
    {
        var huge = "<Project>" + new string(' ', ManifestReader.ManifestLimit) + "</Project>";

        var refused = Assert.Throws<ManifestException>(() => ManifestReader.Read(new ManifestFile("Big.csproj", ManifestKind.ProjectFile), huge));

        Assert.Equal("Big.csproj: larger than 4 MiB, more than any real manifest", refused.Message);
    }
}
