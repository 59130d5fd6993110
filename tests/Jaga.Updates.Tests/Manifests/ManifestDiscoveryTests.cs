using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Manifests;
using Jaga.Engine.Updates.Manifests;
using Jaga.Testing;

namespace Jaga.Updates.Tests.Manifests;

public sealed class ManifestDiscoveryTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("jaga-manifests-").FullName;

    public ManifestDiscoveryTests()
    {
        Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Dapper" Version="2.1.24" />
                <PackageVersion Include="Npgsql" Version="8.0.1" />
                <PackageVersion Include="xunit" Version="2.6.2" />
                <PackageVersion Include="Microsoft.NET.Test.Sdk" Version="17.8.0" />
              </ItemGroup>
            </Project>
            """);
        Write("src/Shop/Shop.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Dapper" />
                <PackageReference Include="Serilog" VersionOverride="3.1.1" />
              </ItemGroup>
            </Project>
            """);
        Write("src/Shop/packages.lock.json", """
            {
              "version": 2,
              "dependencies": {
                "net8.0": {
                  "Dapper": { "type": "Direct", "requested": "[2.1.24, )", "resolved": "2.1.28", "contentHash": "x==" },
                  "Serilog": { "type": "Direct", "requested": "[3.1.1, )", "resolved": "3.1.1", "contentHash": "y==" },
                  "Npgsql": { "type": "CentralTransitive", "requested": "[8.0.1, )", "resolved": "8.0.1", "contentHash": "z==" }
                }
              }
            }
            """);
        Write("tests/Shop.Tests/Shop.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" />
                <PackageReference Include="xunit" />
                <PackageReference Include="Dapper" />
              </ItemGroup>
            </Project>
            """);
        Write("web/package.json", """
            {
              "name": "shop-web",
              "dependencies": { "express": "^4.17.0" },
              "devDependencies": { "eslint": "~8.56.0" }
            }
            """);
        Write("web/package-lock.json", """
            {
              "lockfileVersion": 3,
              "packages": {
                "": { "dependencies": { "express": "^4.17.0" }, "devDependencies": { "eslint": "~8.56.0" } },
                "node_modules/eslint": { "version": "8.56.0", "dev": true },
                "node_modules/express": { "version": "4.18.2" }
              }
            }
            """);
        Write("requirements.txt", "-r shared/base.in\nDjango==4.2.7\n");
        Write("shared/base.in", "requests>=2.31\n");
        Write("tools/pyproject.toml", "[project]\nname = \"tools\"\ndependencies = [\"click>=8\"]\n");
        // Other projects' manifests, which auto must not find.
        Write("src/Shop/bin/Release/net8.0/Shop.csproj", "<Project />");
        Write("src/Shop/obj/project.assets.json", "{}");
        Write("src/Shop/obj/Shop.csproj.nuget.g.props", "<Project />");
        Write("web/node_modules/express/package.json", "{\"name\": \"express\"}");
        Write(".venv/lib/python3.11/site-packages/pip/pyproject.toml", "[project]\n");
        Write("venv/requirements.txt", "flask\n");
        Write(".git/requirements.txt", "flask\n");
        Write(".github/workflows/requirements.txt", "flask\n");
    }

    public void Dispose() => FixtureFolders.TryDelete(root);

    [Fact]
    public void Auto_finds_every_manifest_and_skips_build_output_installed_packages_environments_and_hidden_folders()
    {
        var found = ManifestDiscovery.Find(root);

        Assert.Equal(
        [
            new ManifestFile("Directory.Packages.props", ManifestKind.CentralPackages),
            new ManifestFile("requirements.txt", ManifestKind.Requirements),
            new ManifestFile("src/Shop/Shop.csproj", ManifestKind.ProjectFile),
            new ManifestFile("src/Shop/packages.lock.json", ManifestKind.NuGetLock),
            new ManifestFile("tests/Shop.Tests/Shop.Tests.csproj", ManifestKind.ProjectFile),
            new ManifestFile("tools/pyproject.toml", ManifestKind.PyProject),
            new ManifestFile("web/package-lock.json", ManifestKind.NpmLock),
            new ManifestFile("web/package.json", ManifestKind.PackageJson),
        ], found);
    }

    [Fact]
    public void The_project_reads_as_one_list_with_lock_versions_and_central_versions_joined()
    {
        var project = ProjectDependencies.Read(root, ManifestDiscovery.Find(root), Catalog.English);

        Assert.Equal(
        [
            ("Dapper", "2.1.24", "2.1.28", "Directory.Packages.props:6", DependencyScope.Runtime),
            ("Npgsql", "8.0.1", "8.0.1", "Directory.Packages.props:7", DependencyScope.Runtime),
            ("xunit", "2.6.2", "2.6.2", "Directory.Packages.props:8", DependencyScope.Development),
            ("Microsoft.NET.Test.Sdk", "17.8.0", "17.8.0", "Directory.Packages.props:9", DependencyScope.Development),
            ("Django", "==4.2.7", "4.2.7", "requirements.txt:2", DependencyScope.Runtime),
            ("Serilog", "3.1.1", "3.1.1", "src/Shop/Shop.csproj:8", DependencyScope.Runtime),
            ("click", ">=8", null, "tools/pyproject.toml:3", DependencyScope.Runtime),
            ("express", "^4.17.0", "4.18.2", "web/package.json:3", DependencyScope.Runtime),
            ("eslint", "~8.56.0", "8.56.0", "web/package.json:4", DependencyScope.Development),
            ("requests", ">=2.31", null, "shared/base.in:1", DependencyScope.Runtime),
        ], project.Dependencies.Select(d => (d.Name, d.Requirement, d.Resolved, d.Where.ToString(), d.Scope)));
        Assert.Contains(new ManifestFile("shared/base.in", ManifestKind.Requirements), project.Manifests);
        Assert.Equal(9, project.Manifests.Count);
    }

    [Fact]
    public void Auto_is_the_search_and_a_list_is_taken_as_given()
    {
        Assert.Equal(ManifestDiscovery.Find(root), ManifestDiscovery.For(root, null, Catalog.English));
        Assert.Equal([new ManifestFile("requirements.txt", ManifestKind.Requirements)], ManifestDiscovery.For(root, ["requirements.txt"], Catalog.English));
    }

    [Fact]
    public void A_listed_manifest_is_read_with_its_kind()
    {
        var listed = ManifestDiscovery.Listed(root, ["web/package.json", "./src/Shop/Shop.csproj"], Catalog.English);

        Assert.Equal([new ManifestFile("web/package.json", ManifestKind.PackageJson), new ManifestFile("src/Shop/Shop.csproj", ManifestKind.ProjectFile)], listed);
    }

    [Fact]
    public void A_listed_path_that_is_missing_outside_or_of_no_known_kind_is_refused_naming_the_plan_key_and_every_path()
    {
        Write("README.md", "# shop\n");

        var refused = Assert.Throws<UserException>(() => ManifestDiscovery.Listed(root, ["web/packages.json", "README.md", "../other/package.json"], Catalog.English));

        Assert.Equal(string.Join(Environment.NewLine,
            "update.manifests names web/packages.json, which does not exist",
            "update.manifests names README.md, which is no manifest Jaga reads",
            "update.manifests names ../other/package.json, which is outside the project root"), refused.Message);
    }

    [Fact]
    public void A_bad_manifest_in_the_project_stops_the_read_naming_its_file_and_line()
    {
        Write("web/package.json", "{\n  \"dependencies\": {\n    \"express\": \"^4.17.0\",\n  }\n}\n");

        var refused = Assert.Throws<ManifestException>(() => ProjectDependencies.Read(root, ManifestDiscovery.Find(root), Catalog.English));

        Assert.Equal("web/package.json", refused.Path);
        Assert.Equal(4, refused.Line);
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
