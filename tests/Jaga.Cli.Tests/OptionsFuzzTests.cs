using System.CommandLine;
using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Jaga.Cli.Tests;

/// <summary>Every command and subcommand of the tree <see cref="Program.Tree"/> builds, run in-process with mutated option
/// and argument values against a copy of the example plan: each ends with 0, 1 or 2 (never 70, a bug, nor a crash), says
/// nothing in .NET's words (no stack trace, no <c>System.</c> type name), and in bounded time. Seeded: a failure names its
/// command line and replays the same way.</summary>
/// <remarks>Bounded forms and exclusions, each for a reason:
/// <list type="bullet">
/// <item><c>jaga run</c> always gets <c>--once</c> (last, so no value can follow it): without it the daemon runs until stopped.</item>
/// <item><c>jaga deps db update</c> always gets a <c>--from</c> file that does not exist: without one it downloads OSV's
/// dumps from the internet, hundreds of megabytes.</item>
/// <item>The example's addresses (webhook, SMTP, its own HTTP check) point at a closed local port, its unused S3
/// destination is left out, and its commands (runbook, update test) are <c>true</c>: no real server is touched and
/// nothing on this machine restarted.</item>
/// <item>Options that write (<c>--out</c>, <c>--into</c>) get paths inside the test folder only: as root, a write to
/// <c>/dev</c> or <c>/etc</c> would succeed.</item>
/// <item><c>--plan</c> gets no FIFO and no <c>/dev/zero</c>: bounding the plan's read is the plan-input work of the same
/// step; those two are tried on every option that reads a file (<c>--anchor</c>, <c>--key</c>, <c>--identity</c>).</item>
/// <item>No value holds a NUL: a command line cannot carry one (execve's arguments are C strings).</item>
/// <item><c>jaga patches</c> never gets <c>--yes</c>: as root, <c>--apply --security-only --yes</c> would upgrade this
/// machine's packages (without it, no terminal means no install, exit 2).</item>
/// <item><c>jaga env set</c> never gets <c>--stdin</c>: it reads standard input to its end, and the test host's may never
/// end (the real binary is given a pipe in tests/Jaga.Migration.Tests/Run).</item>
/// <item><c>jaga user add</c> and <c>passwd</c> never get <c>--password-stdin</c>, for the same reason (the real binary is
/// given a pipe in tests/Jaga.Dashboard.Tests).</item>
/// </list></remarks>
public sealed class OptionsFuzzTests(ITestOutputHelper log) : IDisposable
{
    private const ulong Seed = 20261206;
    private const int CasesPerCommand = 6;
    /// <summary>A hang, not a slow machine: the longest case (the first <c>run --once</c>, which backs up, verifies and
    /// checks) takes about a second of CPU, and up to 25 s of wall time on a machine shared by many builds.</summary>
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(90);
    private static readonly string TenMegabytes = new('a', 10 << 20);

    private readonly string dir = Path.Combine(Path.GetTempPath(), "jaga-fuzz-" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public async Task Every_command_with_mutated_options_exits_0_1_or_2_in_the_users_words_and_in_bounded_time()
    {
        var plan = Example();
        var planText = File.ReadAllText(plan);
        var commands = Commands();
        Assert.True(commands.Count >= 20, $"only {commands.Count} commands found in the tree");
        var total = Stopwatch.StartNew();
        var ran = 0;
        var failures = new List<string>();
        foreach (var (command, index) in commands.Select((c, i) => (c, i)))
        {
            foreach (var args in CaseOf(command, plan).Sample(10, new Rnd(Seed + (ulong)index), CasesPerCommand))
            {
                File.WriteAllText(plan, planText); // `init --force` may have replaced it
                var shown = string.Join(' ', args.Select(a => a.Length > 40 ? a[..40] + "…" : a));
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                var clock = Stopwatch.StartNew();
                int code;
                try
                {
                    code = await Program.Run(args, new Output(args.Contains("--json"), stdout, stderr, terminal: false), TimeProvider.System).WaitAsync(PerCase);
                }
                catch (TimeoutException)
                {
                    Assert.Fail($"jaga {shown}: still running after {PerCase.TotalSeconds} s");
                    throw;
                }
                var said = $"jaga {shown}\nexit {code}\n--- stderr\n{Head(stderr.ToString())}\n--- stdout\n{Head(stdout.ToString())}";
                var text = stdout.ToString() + stderr;
                if (code is not (0 or 1 or 2) || text.Contains("   at ", StringComparison.Ordinal)
                    || stderr.ToString().Contains("Exception", StringComparison.Ordinal) || text.Contains("System.", StringComparison.Ordinal))
                    failures.Add(said);
                log.WriteLine($"{clock.ElapsedMilliseconds,6} ms  exit {code}  jaga {shown}");
                ran++;
            }
        }
        log.WriteLine($"{ran} cases in {total.Elapsed.TotalSeconds:0.0} s");
        // Every failing case at once (the first few in full): one run shows all there is to fix.
        Assert.True(failures.Count == 0, $"{failures.Count} of {ran} cases failed:\n\n{string.Join("\n\n", failures.Take(8))}");
    }

    /// <summary>Each command path with its options (its own and the global ones) and arguments, from the tree itself, so
    /// a command added later is fuzzed without touching this test.</summary>
    private static List<(string[] Path, IReadOnlyList<Option> Options, IReadOnlyList<Argument> Arguments)> Commands()
    {
        var options = new GlobalOptions();
        var output = new Output(false, TextWriter.Null, TextWriter.Null, terminal: false);
        var (root, _) = Program.Tree(options, () => new CommandBuilder(options, output, TimeProvider.System, TimeProvider.System));
        // --help and --version print and exit 0 whatever else is given: fuzzing them only hides the other options.
        static bool Fuzzed(Option o) => o is not (System.CommandLine.Help.HelpOption or VersionOption);
        var globals = root.Options.Where(o => o.Recursive && Fuzzed(o)).ToList();
        var found = new List<(string[], IReadOnlyList<Option>, IReadOnlyList<Argument>)>();
        void Walk(Command c, string[] path)
        {
            if (c.Action is not null) found.Add((path, [.. c.Options.Where(o => !o.Recursive && Fuzzed(o)), .. globals], [.. c.Arguments]));
            foreach (var sub in c.Subcommands) Walk(sub, [.. path, sub.Name]);
        }
        Walk(root, []);
        return found;
    }

    private Gen<string[]> CaseOf((string[] Path, IReadOnlyList<Option> Options, IReadOnlyList<Argument> Arguments) command, string plan)
    {
        var daemon = command.Path is ["run"];
        var download = command.Path is ["deps", "db", "update"];
        var patches = command.Path is ["patches"];
        var envSet = command.Path is ["env", "set"];
        var parts = new List<Gen<string[]>>();
        foreach (var argument in command.Arguments)
        {
            var value = Values(argument.Name);
            parts.Add(argument.ValueType.IsArray
                ? Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(value, n)).Select(l => l.ToArray())
                : Gen.Frequency((1, Gen.Constant(Array.Empty<string>())), (3, value.Select(v => new[] { v }))));
        }
        foreach (var option in command.Options)
        {
            if (option.Name == "--plan")
            {
                parts.Add(Gen.Frequency((6, Gen.Constant(plan)), (1, Gen.Elements(PlanPaths()))).Select(v => new[] { "--plan", v }));
            }
            else if (option.ValueType == typeof(bool))
            {
                if (!(daemon && option.Name == "--once") && !(patches && option.Name == "--yes") && !(envSet && option.Name == "--stdin") && option.Name != "--password-stdin") parts.Add(Gen.Elements(Array.Empty<string>(), new[] { option.Name }));
            }
            else
            {
                parts.Add(Gen.Frequency((1, Gen.Constant(Array.Empty<string>())), (2, Values(option.Name).Select(v => new[] { option.Name, v }))));
            }
        }
        return parts.Aggregate(Gen.Constant(command.Path), (all, part) => from a in all from p in part select a.Concat(p).ToArray())
            .Select(a => daemon ? a.Append("--once").ToArray() : download ? [.. a, "--from", Path.Combine(dir, "absent-all.zip")] : a);
    }

    /// <summary>Values by what the option does with them: a file it reads, a file it writes, or anything else.</summary>
    private Gen<string> Values(string name) => name switch
    {
        "--anchor" or "--key" or "--identity" or "-i" => Gen.Elements(ReadPaths()),
        "--out" or "-o" or "--into" => Gen.Elements(WritePaths()),
        _ => Gen.Frequency((30, Gen.Elements(Garbage())), (1, Gen.Constant(TenMegabytes))),
    };

    private static string[] Garbage() =>
    [
        "", " ", "0", "-1", "1", "5", "255", "256", "2147483648", "-2147483649", "99999999999999999999", "1e9", "0x10",
        "abc", "ü日本語🚀", "\t\n", "\u202e\u200b", "${X}", "--", "-x", "1h1h", "99999999d", "9999999d", "7d", "2025-11-15",
        "0001-01-01", "9999-12-31T23:59", "INFO", "warn", "ERROR", "en", "id", "fr", "db", "uploads", "api", "host",
        "nightly-report", "jsonl", "latest", "a'b\"c`d", "true", new string('9', 400),
    ];

    private string[] ReadPaths() =>
    [
        "", "/dev/zero", "/dev/null", Fifo(), dir, "/proc/version", "/proc/self/status", "/etc/passwd",
        Path.Combine(dir, "missing.json"), GarbageFile(), Path.Combine(dir, "ü日本語🚀.json"),
    ];

    private string[] WritePaths()
    {
        var scratch = Directory.CreateDirectory(Path.Combine(dir, "scratch")).FullName;
        return ["", scratch, Path.Combine(scratch, "out.txt"), Path.Combine(scratch, "no", "such", "folder", "x"), Fifo(), Path.Combine(scratch, "ü日本語🚀.md")];
    }

    private string[] PlanPaths() => ["", " ", dir, "/proc/version", Path.Combine(dir, "missing.yaml"), GarbageFile(), Path.Combine(dir, "ü日本語🚀.yaml")];

    private string Fifo()
    {
        var fifo = Path.Combine(dir, "fifo");
        if (!File.Exists(fifo))
        {
            using var mk = Process.Start("mkfifo", fifo);
            mk.WaitForExit();
        }
        return fifo;
    }

    private string GarbageFile()
    {
        var file = Path.Combine(dir, "garbage.bin");
        if (!File.Exists(file))
        {
            var bytes = new byte[4096];
            new Random(7).NextBytes(bytes);
            File.WriteAllBytes(file, bytes);
        }
        return file;
    }

    /// <summary>A copy of the example plan whose every address is a closed local port and every command <c>true</c>.</summary>
    private string Example()
    {
        var source = Path.Combine(ValidateCommandTests.FindRoot(), "examples", "tokoku");
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var plan = Path.Combine(dir, "jaga.yaml");
        // The S3 destination no job uses goes: every command that reads all destinations (reindex) would wait out the
        // S3 client's retries against the closed port, seconds each time, for nothing the other cases do not cover.
        var lines = File.ReadAllLines(plan).Where(l => !l.TrimStart().StartsWith("offsite:", StringComparison.Ordinal));
        File.WriteAllText(plan, string.Join('\n', lines)
            .Replace("127.0.0.1:8080", "127.0.0.1:9", StringComparison.Ordinal)
            .Replace("systemctl restart tokoku", "true", StringComparison.Ordinal)
            .Replace("\"dotnet test --filter Category=Integration\"", "\"true\"", StringComparison.Ordinal)
            .Replace("\"dotnet test\"", "\"true\"", StringComparison.Ordinal));
        var env = Path.Combine(dir, ".env.production");
        File.WriteAllText(env, File.ReadAllText(env)
            .Replace("https://hooks.example.com/services/T000/B000/demo-token", "http://127.0.0.1:9/hook", StringComparison.Ordinal)
            .Replace("127.0.0.1:587", "127.0.0.1:9", StringComparison.Ordinal)
            .Replace("127.0.0.1:9000", "127.0.0.1:9", StringComparison.Ordinal)
            .Replace("127.0.0.1:5432", "127.0.0.1:9", StringComparison.Ordinal));
        return plan;
    }

    private static string Head(string text) => text.Length > 3000 ? text[..3000] + $"… ({text.Length:N0} characters)" : text;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
