using System.Text.Json.Nodes;
using Jaga.Secrets.Tests.Scan;
using Jaga.Testing;

namespace Jaga.Secrets.Tests.Cli;

/// <summary><c>jaga secrets scan</c> through the real binary: exit codes, the three formats, the plan's allowlist, the
/// journal, and hostile input (a 10 MB line, a huge file, a FIFO).</summary>
[Trait("Category", "Integration")]
public sealed class SecretsCliTests
{
    private static readonly string Token = Fake.Token("ghp_", 36);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private static async Task<(int Code, string Output)> Jaga(TempRepo dir, params string[] args)
    {
        using var jaga = new RunningJaga(Path.Combine(dir.Root, "jaga.yaml"), dir.Root, args);
        await jaga.WaitForExitAsync(Limit);
        return (jaga.ExitCode, jaga.Output);
    }

    private static TempRepo Project(string secrets = "")
    {
        var dir = new TempRepo();
        dir.Write("jaga.yaml", "version: 1\nproject: shop\n" + secrets);
        dir.Write(".gitignore", ".jaga/\nlogs/\n");
        return dir;
    }

    [Fact]
    public async Task A_secret_makes_exit_1_shown_masked_and_never_written_to_the_log_or_the_store()
    {
        using var dir = Project();
        dir.Write("app/settings.env", "GH_TOKEN=" + Token + "\n");
        var (code, output) = await Jaga(dir, "secrets", "scan");
        Assert.Equal(1, code);
        Assert.Contains("app/settings.env", output, StringComparison.Ordinal);
        Assert.Contains("ghp_…(40)", output, StringComparison.Ordinal);
        var log = await File.ReadAllTextAsync(Path.Combine(dir.Root, "logs", "maintenance.log"));
        Assert.Contains("[WARN] Secrets scan of", log, StringComparison.Ordinal);
        Assert.Contains("1 secret(s) found", log, StringComparison.Ordinal);
        var secretPart = Token[4..];
        Assert.DoesNotContain(secretPart, output, StringComparison.Ordinal);
        Assert.DoesNotContain(secretPart, log, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dir.Root, ".jaga"), "*", SearchOption.AllDirectories))
            Assert.DoesNotContain(secretPart, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_tree_exits_0_and_the_plans_allowlist_and_jaga_allow_are_honoured()
    {
        using var dir = Project($"secrets:\n  allow:\n    paths: [tests/fixtures/]\n    regexes: ['^{Token[..12]}']\n");
        dir.Write("tests/fixtures/keys.env", "K=" + Fake.Token("glpat-", 20) + "\n");
        dir.Write("src/known.env", "T=" + Token + "\n");
        dir.Write("src/marked.env", "S=" + Fake.Token("sk_live_", 24) + " # jaga:allow\n");
        var (code, output) = await Jaga(dir, "secrets", "scan");
        Assert.True(code == 0, output);
        Assert.Contains("No secret found.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lists_masked_findings_and_sarif_has_the_shape_code_scanning_reads()
    {
        using var dir = Project();
        dir.Write("a b/deploy.yml", "url: postgres://app:" + Fake.Chars(16) + "@db.example.com/app\n");
        var (code, json) = await Jaga(dir, "secrets", "scan", "--format", "json");
        Assert.Equal(1, code);
        var report = JsonNode.Parse(json)!;
        var finding = report["findings"]![0]!;
        Assert.Equal(("url-password", "a b/deploy.yml", 1), ((string)finding["rule"]!, (string)finding["file"]!, (int)finding["line"]!));
        Assert.EndsWith("(16)", (string)finding["secret"]!, StringComparison.Ordinal);

        var (sarifCode, sarifText) = await Jaga(dir, "secrets", "scan", "--format", "sarif");
        Assert.Equal(1, sarifCode);
        var sarif = JsonNode.Parse(sarifText)!;
        Assert.Equal("2.1.0", (string)sarif["version"]!);
        var run = sarif["runs"]![0]!;
        Assert.Equal("jaga", (string)run["tool"]!["driver"]!["name"]!);
        var result = run["results"]![0]!;
        Assert.Equal("url-password", (string)result["ruleId"]!);
        Assert.Contains(run["tool"]!["driver"]!["rules"]!.AsArray(), r => (string)r!["id"]! == "url-password");
        var location = result["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("a%20b/deploy.yml", (string)location["artifactLocation"]!["uri"]!);
        Assert.Equal(1, (int)location["region"]!["startLine"]!);
        Assert.NotNull(result["partialFingerprints"]!["jaga/v1"]);
        Assert.DoesNotContain(Fake.Chars(16)[2..], sarifText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_finds_a_deleted_secret_with_its_commit()
    {
        using var dir = Project();
        dir.Write("old.env", "T=" + Token + "\n");
        var commit = dir.Commit("oops");
        File.Delete(Path.Combine(dir.Root, "old.env"));
        dir.Commit("fix");
        Assert.Equal(0, (await Jaga(dir, "secrets", "scan")).Code);
        var (code, output) = await Jaga(dir, "secrets", "scan", "--history");
        Assert.Equal(1, code);
        Assert.Contains(commit[..12], output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gitleaks_rule_file_replaces_Jagas_rules_and_a_bad_one_is_exit_2_naming_file_and_rule()
    {
        using var dir = Project();
        dir.Write("rules.toml", "[[rules]]\nid = \"acme-key\"\nregex = '''acme_[a-z0-9]{16}'''\nkeywords = [\"acme_\"]\n");
        dir.Write("bad.toml", "[[rules]]\nid = \"lookahead\"\nregex = '''key(?=[0-9])'''\n");
        dir.Write("broken.toml", "[[rules]\n");
        dir.Write("a.env", "K=acme_" + Fake.Chars(16, Fake.Lower) + "\nT=" + Token + "\n");
        var (code, output) = await Jaga(dir, "secrets", "scan", "--config", "rules.toml", "--format", "json");
        Assert.Equal(1, code);
        Assert.Equal(["acme-key"], JsonNode.Parse(output)!["findings"]!.AsArray().Select(f => (string)f!["rule"]!));

        var (badCode, bad) = await Jaga(dir, "secrets", "scan", "--config", "bad.toml");
        Assert.Equal(2, badCode);
        Assert.Contains("bad.toml: rule lookahead: regex 'key(?=[0-9])' cannot be compiled by .NET", bad, StringComparison.Ordinal);
        var (brokenCode, broken) = await Jaga(dir, "secrets", "scan", "--config", "broken.toml");
        Assert.Equal(2, brokenCode);
        Assert.Contains("broken.toml: not a TOML file", broken, StringComparison.Ordinal);
        Assert.Equal(2, (await Jaga(dir, "secrets", "scan", "--config", "missing.toml")).Code);
    }

    [Fact]
    public async Task A_missing_path_or_format_is_exit_2()
    {
        using var dir = Project();
        var (code, output) = await Jaga(dir, "secrets", "scan", "no/such/folder");
        Assert.Equal(2, code);
        Assert.Contains("no/such/folder: no such file or folder", output, StringComparison.Ordinal);
        Assert.Equal(2, (await Jaga(dir, "secrets", "scan", "--format", "xml")).Code);
    }

    [Fact]
    public async Task Hostile_input_a_10_MB_line_a_huge_file_and_a_FIFO_neither_hang_nor_hide_a_secret()
    {
        using var dir = Project();
        // 10 MB on one line full of the generic rule's keywords, with a token at its very end.
        var line = new System.Text.StringBuilder(10_500_000);
        while (line.Length < 10_000_000) line.Append("password=token secret: api_key ");
        line.Append(Token);
        dir.Write("one-line.txt", line.ToString());
        await using (var huge = File.Create(Path.Combine(dir.Root, "huge.log"))) huge.SetLength(3L * 1024 * 1024 * 1024);
        Assert.Equal(0, (await ChildProcess.RunAsync("mkfifo", [Path.Combine(dir.Root, "pipe")], TimeSpan.FromSeconds(10))).ExitCode);
        dir.Write(".gitignore", ".jaga/\nlogs/\n");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (code, json) = await Jaga(dir, "secrets", "scan", "--format", "json");
        Assert.True(watch.Elapsed < Limit, $"took {watch.Elapsed}");
        Assert.Equal(1, code);
        var report = JsonNode.Parse(json)!;
        Assert.Contains(report["findings"]!.AsArray(), f => (string)f!["rule"]! == "github-pat" && (string)f["file"]! == "one-line.txt");
        var skipped = report["skipped"]!.AsArray().Select(s => ((string)s!["file"]!, (string)s["reason"]!)).ToList();
        Assert.Contains(("huge.log", "too_large"), skipped);

        // A FIFO named as the path is skipped, not waited on.
        var (fifoCode, fifo) = await Jaga(dir, "secrets", "scan", "pipe", "--format", "json");
        Assert.Equal(0, fifoCode);
        Assert.Equal("not_regular", (string)JsonNode.Parse(fifo)!["skipped"]![0]!["reason"]!);
    }
}
