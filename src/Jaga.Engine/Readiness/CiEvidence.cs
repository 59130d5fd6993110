using System.Text.RegularExpressions;
using Jaga.Core.Readiness;
using Jaga.Engine.Files;

namespace Jaga.Engine.Readiness;

/// <summary>Point 4, CI/CD: a workflow (GitHub Actions, GitLab CI, Jenkins, Azure Pipelines, Bitbucket, CircleCI, or a
/// <c>.ci/</c> folder) that runs tests.</summary>
internal static partial class CiEvidence
{
    private static readonly string[] Files = [".gitlab-ci.yml", "Jenkinsfile", "azure-pipelines.yml", "bitbucket-pipelines.yml", ".circleci/config.yml"];

    private static readonly string[] Folders = [".github/workflows", ".ci"];

    public static IReadOnlyList<Evidence> Gather(string root)
    {
        var workflows = Files.Where(f => File.Exists(Path.Combine(root, f)))
            .Concat(Folders.Where(d => Directory.Exists(Path.Combine(root, d)))
                .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Order(StringComparer.Ordinal).ToList();
        if (workflows.Count == 0) return [Evidence.Failed("cli.checklist.ci.none")];
        var testing = workflows.Where(f => RunsTests(InputFile.ReadText(Path.Combine(root, f), InputFile.SmallFileLimit, "CI workflow") ?? "")).ToList();
        return testing.Count > 0
            ? [Evidence.Ok("cli.checklist.ci.tests", string.Join(", ", testing))]
            : [Evidence.Failed("cli.checklist.ci.notests", string.Join(", ", workflows))];
    }

    /// <summary>A workflow runs tests when it says so: a test command or step (<c>dotnet test</c>, <c>npm test</c>, <c>pytest</c>,
    /// <c>go test</c>, <c>scripts/test.sh</c>), as a word: <c>ubuntu-latest</c> is no test.</summary>
    private static bool RunsTests(string text) => TestWord().IsMatch(text);

    [GeneratedRegex(@"\b(tests?|pytest|unittest|jest|vitest|mocha|rspec|phpunit|specs?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TestWord();
}
