using System.Text.RegularExpressions;
using Jaga.Testing.Docs;

namespace Jaga.Cli.Tests;

/// <summary>The examples a reader copies from README.md and docs/*.md: every <c>jaga …</c> command line is one the CLI
/// accepts (command, options, values), and every plan snippet validates. Running them is the work of the tests
/// <see cref="Jaga.Testing.Docs.DocRuns"/> names (the README's tour against a real PostgreSQL is
/// <c>Jaga.Daemon.Tests.ReadmeTourTests</c>); <see cref="DocRunsTests"/> checks that every line is run or says why not.</summary>
public sealed partial class DocExampleTests
{
    /// <summary>Values for the <c>${VAR}</c>s the docs' snippets use, as a reader's env file would hold them. A new
    /// variable in a doc needs a value here, which is the point: the snippet must validate as written.</summary>
    private static readonly Dictionary<string, string> Env = new(StringComparer.Ordinal)
    {
        ["DATABASE_URL"] = "postgres://app:app-pw@127.0.0.1:5432/app",
        ["VERIFY_DATABASE_URL"] = "postgres://app:app-pw@127.0.0.1:5432/app_verify",
        ["S3_ENDPOINT"] = "http://127.0.0.1:9000",
        ["S3_KEY"] = "key",
        ["S3_SECRET"] = "secret",
        ["SLACK_WEBHOOK"] = "https://hooks.slack.com/services/T0/B0/x",
        ["DISCORD_WEBHOOK"] = "https://discord.com/api/webhooks/1/x",
        ["ALERT_HOOK"] = "https://alerts.example.com/hook",
        ["TG_TOKEN"] = "123:abc",
        ["SMTP_URL"] = "smtp://alerts:pw@mail.example.com:587",
        ["SMTP_PASSWORD"] = "pw",
        ["REPORT_PING_TOKEN"] = "Jx3q9Vb2Lk7Pw4Tz8Rn5Ym1",
        ["ONCALL_WEBHOOK"] = "https://hooks.slack.com/services/T0/B1/y",
    };

    public static TheoryData<string> JagaCommands()
    {
        var data = new TheoryData<string>();
        foreach (var block in DocBlocks.All())
        {
            foreach (var (index, _) in block.JagaCommands()) data.Add(block.Where(index));
        }
        return data;
    }

    public static TheoryData<string> PlanSnippets()
    {
        var data = new TheoryData<string>();
        foreach (var block in DocBlocks.All().Where(b => b.Language is "yaml" or "yml")) data.Add(block.Where());
        return data;
    }

    [Fact]
    public void The_docs_have_commands_and_snippets_to_check()
    {
        Assert.True(JagaCommands().Count >= 16, $"only {JagaCommands().Count} jaga commands found in README.md and docs/*.md");
        Assert.True(PlanSnippets().Count >= 6, $"only {PlanSnippets().Count} YAML blocks found in README.md and docs/*.md");
    }

    [Theory]
    [MemberData(nameof(JagaCommands))]
    public void Every_jaga_command_in_the_docs_is_one_jaga_accepts(string where)
    {
        var (block, index) = Find(where);
        var line = block.Lines[index].Trim();
        var words = DocBlocks.Words(line);
        var options = new GlobalOptions();
        var output = new Output(json: false, new StringWriter(), new StringWriter(), terminal: false);
        var (root, _) = Program.Tree(options, () => new CommandBuilder(options, output, TimeProvider.System, TimeProvider.System));
        var parse = root.Parse(words.Skip(1).ToArray());
        Assert.True(parse.Errors.Count == 0, $"{where}: `{line}`: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
    }

    [Theory]
    [MemberData(nameof(PlanSnippets))]
    public async Task Every_plan_snippet_in_the_docs_validates(string where)
    {
        var (block, _) = Find(where);
        // Another program's file (Prometheus's scrape configuration) says so in its first line, as "# prometheus.yml".
        if (OtherFile().Match(block.Lines[0]) is { Success: true } other && other.Groups[1].Value != "jaga.yaml") return;
        var variables = Variable().Matches(block.Text).Select(m => m.Groups[1].Value).Distinct().ToList();
        var unknown = variables.Where(v => !Env.ContainsKey(v)).ToList();
        Assert.True(unknown.Count == 0, $"{where}: give {string.Join(", ", unknown)} a value in DocExampleTests.Env");
        using var w = new Workspace(Completed(block.Text), string.Concat(variables.Select(v => $"{v}={Env[v]}\n")));
        var result = await w.Jaga("validate");
        Assert.True(result.Code == 0, $"{where}: the snippet (completed with the keys it leaves out) does not validate:\n{result}");
    }

    /// <summary>A snippet shows one section; the plan around it gets what every plan needs (version, project, env_files) and
    /// the runbook the docs' alerts name, unless the snippet gives them itself.</summary>
    private static string Completed(string snippet)
    {
        var given = TopKey().Matches(snippet).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var around = new Dictionary<string, string>
        {
            ["version"] = "version: 1\n",
            ["project"] = "project: docs\n",
            ["env_files"] = "env_files: [.env]\n",
            ["emergency"] = "emergency:\n  runbooks:\n    - name: restart-api\n      steps:\n        - run: \"true\"\n",
        };
        return string.Concat(around.Where(kv => !given.Contains(kv.Key)).Select(kv => kv.Value)) + snippet;
    }

    private static (DocBlock Block, int Index) Find(string where)
    {
        var colon = where.LastIndexOf(':');
        var file = where[..colon];
        var line = int.Parse(where[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var block = DocBlocks.Of(file).Single(b => line >= b.Line && line < b.Line + Math.Max(1, b.Lines.Count));
        return (block, line - block.Line);
    }

    [GeneratedRegex(@"^# ([\w.-]+\.ya?ml)\b")]
    private static partial Regex OtherFile();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^([a-z_]+):", RegexOptions.Multiline)]
    private static partial Regex TopKey();
}
