using Jaga.Core.Messages;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Manifests;

namespace Jaga.Updates.Tests.Manifests;

public sealed class ManifestEditorTests
{
    private const string ClassLib = """
        <Project Sdk="Microsoft.NET.Sdk">

          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>

          <ItemGroup>
            <!-- JSON for the settings files -->
            <PackageReference Include="Newtonsoft.Json" Version="13.0.1" />
            <PackageReference Version="[1.2.3]" Include="Acme.Exact" PrivateAssets="all" />
            <PackageReference Include="Serilog">
              <Version>3.1.0</Version>
            </PackageReference>
          </ItemGroup>

        </Project>

        """;

    [Fact]
    public void A_bare_nuget_version_moves_and_nothing_else_changes()
    {
        var edited = Edit(ManifestKind.ProjectFile, ClassLib, "App.csproj", "Newtonsoft.Json", "13.0.3");

        Assert.Equal(ClassLib.Replace("Version=\"13.0.1\"", "Version=\"13.0.3\"", StringComparison.Ordinal), edited);
    }

    [Fact]
    public void An_exact_nuget_version_stays_exact_and_the_attribute_order_is_kept()
    {
        var edited = Edit(ManifestKind.ProjectFile, ClassLib, "App.csproj", "Acme.Exact", "1.2.4");

        Assert.Equal(ClassLib.Replace("Version=\"[1.2.3]\" Include", "Version=\"[1.2.4]\" Include", StringComparison.Ordinal), edited);
    }

    [Fact]
    public void A_version_child_element_is_edited_in_place()
    {
        var edited = Edit(ManifestKind.ProjectFile, ClassLib, "App.csproj", "Serilog", "3.1.1");

        Assert.Equal(ClassLib.Replace("<Version>3.1.0</Version>", "<Version>3.1.1</Version>", StringComparison.Ordinal), edited);
    }

    [Fact]
    public void Crlf_line_endings_and_the_byte_order_mark_are_kept()
    {
        var text = "\uFEFF" + ClassLib.ReplaceLineEndings("\r\n");

        var edited = Edit(ManifestKind.ProjectFile, text, "App.csproj", "Newtonsoft.Json", "13.0.3");

        Assert.Equal(text.Replace("13.0.1", "13.0.3", StringComparison.Ordinal), edited);
        Assert.StartsWith("\uFEFF<Project", edited, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_override_is_what_moves()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" VersionOverride="13.0.1" />
              </ItemGroup>
            </Project>
            """;

        Assert.Equal(project.Replace("13.0.1", "13.0.3", StringComparison.Ordinal), Edit(ManifestKind.ProjectFile, project, "App.csproj", "Newtonsoft.Json", "13.0.3"));
    }

    [Fact]
    public void A_central_package_version_moves_in_directory_packages_props()
    {
        const string props = """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Microsoft.Extensions.Logging" Version="8.0.0" />
                <PackageVersion Include="Polly.Core" Version="[8.4.0, 9.0.0)" />
              </ItemGroup>
              <ItemGroup>
                <GlobalPackageReference Include="Nerdbank.GitVersioning" Version="3.6.133" />
              </ItemGroup>
            </Project>
            """;

        Assert.Equal(props.Replace("\"8.0.0\"", "\"8.0.1\"", StringComparison.Ordinal),
            Edit(ManifestKind.CentralPackages, props, "Directory.Packages.props", "Microsoft.Extensions.Logging", "8.0.1"));
        Assert.Equal(props.Replace("[8.4.0, 9.0.0)", "[8.4.2, 9.0.0)", StringComparison.Ordinal),
            Edit(ManifestKind.CentralPackages, props, "Directory.Packages.props", "Polly.Core", "8.4.2"));
        var refused = Assert.Throws<ManifestException>(() => Edit(ManifestKind.CentralPackages, props, "Directory.Packages.props", "Polly.Core", "9.1.0"));
        Assert.Equal("Directory.Packages.props:7: the requirement [8.4.0, 9.0.0) would not admit 9.1.0 with its other bounds kept", refused.Message);
    }

    [Fact]
    public void A_version_from_an_msbuild_property_or_a_floating_version_is_refused_with_why()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="$(JsonVersion)" />
                <PackageReference Include="Serilog" Version="3.*" />
              </ItemGroup>
            </Project>
            """;

        var property = Assert.Throws<ManifestException>(() => Edit(ManifestKind.ProjectFile, project, "App.csproj", "Newtonsoft.Json", "13.0.3"));
        Assert.Equal("App.csproj:3: the version $(JsonVersion) comes from an MSBuild property, which may serve other packages too", property.Message);
        var floating = Assert.Throws<ManifestException>(() => Edit(ManifestKind.ProjectFile, project, "App.csproj", "Serilog", "3.1.1"));
        Assert.Equal(4, floating.Line);
    }

    private const string PackageJson = """
        {
          "name": "shop-web",
          "version": "1.0.0",
          "private": true,
          "scripts": {
            "test": "node --test"
          },
          "dependencies": {
            "express": "^4.17.0",
            "lodash": "4.17.20",
            "@acme/ui": "~2.3.1"
          },
          "devDependencies": {
            "eslint": ">=8.0.0 <9.0.0",
            "prettier": "*"
          }
        }

        """;

    [Theory]
    [InlineData("express", "4.18.2", "\"^4.17.0\"", "\"^4.18.2\"")]
    [InlineData("lodash", "4.17.21", "\"4.17.20\"", "\"4.17.21\"")]
    [InlineData("@acme/ui", "2.4.0", "\"~2.3.1\"", "\"~2.4.0\"")]
    [InlineData("eslint", "8.57.0", "\">=8.0.0 <9.0.0\"", "\">=8.57.0 <9.0.0\"")]
    public void An_npm_range_keeps_its_operator_and_takes_the_version(string name, string version, string before, string after)
    {
        var edited = Edit(ManifestKind.PackageJson, PackageJson, "web/package.json", name, version);

        Assert.Equal(PackageJson.Replace(before, after, StringComparison.Ordinal), edited);
    }

    [Theory]
    [InlineData("eslint", "9.0.0", "web/package.json:14: the requirement >=8.0.0 <9.0.0 would not admit 9.0.0 with its other bounds kept")]
    [InlineData("prettier", "3.2.5", "web/package.json:15: the requirement '*' admits every version: only the lock file changes")]
    public void An_npm_edit_that_would_change_the_range_meaning_is_refused(string name, string version, string message)
    {
        var refused = Assert.Throws<ManifestException>(() => Edit(ManifestKind.PackageJson, PackageJson, "web/package.json", name, version));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void Characters_beyond_ascii_before_a_version_do_not_shift_the_edit()
    {
        const string text = "{\n  \"description\": \"Toko daring — kopi & teh ☕ 🍵\",\n  \"dependencies\": {\n    \"express\": \"^4.17.0\"\n  }\n}\n";

        var edited = Edit(ManifestKind.PackageJson, text, "package.json", "express", "4.18.2");

        Assert.Equal(text.Replace("^4.17.0", "^4.18.2", StringComparison.Ordinal), edited);
    }

    private const string Requirements = """
        # Production pins, compiled by hand
        Django==4.2.7  # LTS
        requests[socks]>=2.31,<3 ; python_version >= "3.8"
        numpy ~= 1.25
        urllib3==2.0.7 \
            --hash=sha256:fdb6d215c776278489906c2f8916e6e7d4f5a9b602ccbcfdf7f016fc8da0596e
        -r base.txt

        """;

    [Theory]
    [InlineData("Django", 2, "4.2.8", "Django==4.2.7", "Django==4.2.8")]
    [InlineData("numpy", 4, "1.26.0", "numpy ~= 1.25", "numpy ~= 1.26.0")]
    public void A_requirement_keeps_its_operators_extras_markers_and_comments(string name, int line, string version, string before, string after)
    {
        var text = Requirements.ReplaceLineEndings("\r\n");

        var edited = ManifestEditor.SetVersion(ManifestKind.Requirements, text, Declared(Ecosystem.PyPI, name, "requirements.txt", line), version);

        Assert.Equal(text.Replace(before, after, StringComparison.Ordinal), edited);
    }

    [Fact]
    public void A_pep440_upper_bound_stays_when_it_still_admits_the_version_and_the_edit_is_refused_when_not()
    {
        var requests = Declared(Ecosystem.PyPI, "requests", "requirements.txt", 3);

        var edited = ManifestEditor.SetVersion(ManifestKind.Requirements, Requirements, requests, "2.32.3");
        var refused = Assert.Throws<ManifestException>(() => ManifestEditor.SetVersion(ManifestKind.Requirements, Requirements, requests, "3.0.0"));

        Assert.Equal(Requirements.Replace("requests[socks]>=2.31,<3", "requests[socks]>=2.32.3,<3", StringComparison.Ordinal), edited);
        Assert.Equal("requirements.txt:3: the requirement >=2.31,<3 would not admit 3.0.0 with its other bounds kept", refused.Message);
    }

    [Fact]
    public void A_requirement_pinned_by_hashes_is_refused_because_its_hashes_would_not_match()
    {
        var refused = Assert.Throws<ManifestException>(() =>
            ManifestEditor.SetVersion(ManifestKind.Requirements, Requirements, Declared(Ecosystem.PyPI, "urllib3", "requirements.txt", 5), "2.0.8"));

        Assert.Equal("requirements.txt:5: urllib3 is pinned with --hash values of its current version, which the new version does not match", refused.Message);
    }

    [Fact]
    public void An_edit_of_a_line_that_no_longer_declares_the_package_is_refused()
    {
        var refused = Assert.Throws<ManifestException>(() =>
            ManifestEditor.SetVersion(ManifestKind.Requirements, Requirements, Declared(Ecosystem.PyPI, "Django", "requirements.txt", 3), "4.2.8"));

        Assert.Equal("requirements.txt:3: Django is no longer declared on this line", refused.Message);
        Assert.Equal("the file changed since it was read: run the command again", refused.Hint);
    }

    [Fact]
    public void Refusals_are_worded_in_the_plan_language()
    {
        var refused = Assert.Throws<ManifestException>(() => ManifestEditor.SetVersion(
            ManifestKind.NpmLock, "{}", Declared(Ecosystem.Npm, "express", "package-lock.json", 3), "4.18.2", Catalog.Indonesian));

        Assert.Equal("package-lock.json:3: berkas lock tidak disunting secara manual", refused.Message);
    }

    private static string Edit(ManifestKind kind, string text, string path, string name, string version)
    {
        var dependency = ManifestReader.Read(new ManifestFile(path, kind), text).Single(d => d.Name == name);
        return ManifestEditor.SetVersion(kind, text, dependency, version);
    }

    private static Dependency Declared(Ecosystem ecosystem, string name, string path, int line) =>
        new(ecosystem, name, "", null, new ManifestLocation(path, line), DependencyScope.Runtime);
}
