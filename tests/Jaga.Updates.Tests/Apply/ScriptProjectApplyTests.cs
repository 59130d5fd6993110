using Jaga.Core.Updates;
using Jaga.Core.Updates.Versions;
using Jaga.Engine.Updates.Apply;

namespace Jaga.Updates.Tests.Apply;

/// <summary>Applying updates to real small Python and npm projects whose test command is a real script (python3, node):
/// the script reads the pinned versions, so a test fails the way a real suite would, without installing anything.</summary>
[Trait("Category", "Integration")]
public sealed class ScriptProjectApplyTests
{
    private const string Requirements = "# pinned by hand\nnumpy==1.25.0\nrequests==2.31.0  # http\n";

    // Fails when numpy moves to 2.x, printing what a failing suite prints, and the token it was given.
    private const string PythonTest = """
        import os, re, sys
        pins = dict(m.groups() for m in (re.match(r"([A-Za-z0-9_.-]+)==(\S+)", l) for l in open("requirements.txt")) if m)
        print("collected 12 items")
        if int(pins["numpy"].split(".")[0]) >= 2:
            print("FAILED test_stats.py::test_mean - AttributeError: np.float_ was removed (token " + os.environ.get("API_TOKEN", "") + ")")
            sys.exit(1)
        print("12 passed")
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_requirements_pin_whose_tests_pass_is_applied_and_logged_in_the_seed_words()
    {
        await using var w = await PythonProjectAsync();
        var update = w.Update(Ecosystem.PyPI, "requirements.txt", "numpy", "numpy==", "1.25.0", "1.26.0", UpdateKind.Minor);
        var stages = new List<UpdateProgress>();

        var outcome = Assert.Single(await w.Applier().ApplyAsync(w.Root, [new UpdateGroup("patch", [update])], "python3 test.py", Timeout, new ProgressLog(stages)));

        Assert.Equal(UpdateResult.Applied, outcome.Result);
        Assert.Equal("applied; the tests passed", outcome.Reason);
        Assert.Equal("# pinned by hand\nnumpy==1.26.0\nrequests==2.31.0  # http\n", w.Read("requirements.txt"));
        Assert.Equal(["[INFO] Update dependency: numpy==1.26.0"], w.Lines());
        Assert.Equal([UpdateStage.Baseline, UpdateStage.Group, UpdateStage.Testing, UpdateStage.Passed], stages.Select(s => s.Stage));
        Assert.Equal("testing numpy==1.26.0", stages[2].Describe(w.Journal.Messages));
        var entry = (await w.EntriesAsync()).Single(e => e.Kind == "update.apply");
        Assert.Equal("1.25.0", entry.Data["from"]);
        Assert.Equal("requirements.txt:2", entry.Data["manifest"]);
        Assert.Equal("patch", entry.Data["group"]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(w.PathOf(".jaga/update-rollback")));
    }

    [Fact]
    public async Task A_pin_that_breaks_the_tests_is_rolled_back_byte_for_byte_with_the_masked_tail_in_a_WARN_line()
    {
        const string token = "tok-5ecret-991";
        await using var w = await PythonProjectAsync(secret: token);
        var before = w.Tree();
        var update = w.Update(Ecosystem.PyPI, "requirements.txt", "numpy", "numpy==", "1.25.0", "2.0.0", UpdateKind.Major);

        var outcome = Assert.Single(await w.Applier(new Dictionary<string, string> { ["API_TOKEN"] = token })
            .ApplyAsync(w.Root, [new UpdateGroup("major", [update])], "python3 test.py", Timeout));

        Assert.Equal(UpdateResult.RolledBack, outcome.Result);
        Assert.Equal("the tests failed (exit code 1, accepted: 0)", outcome.Reason);
        const string tail = "collected 12 items\nFAILED test_stats.py::test_mean - AttributeError: np.float_ was removed (token ***)";
        Assert.Equal(tail, outcome.Tail);
        Assert.Equal(before, w.Tree());
        Assert.Equal(["[WARN] Update rolled back: numpy==2.0.0: the tests failed (exit code 1, accepted: 0): " + tail.Replace('\n', ' ')], w.Lines());
        Assert.DoesNotContain(token, File.ReadAllText(w.Journal.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_whose_tests_fail_is_bisected_the_breaking_update_rolled_back_and_the_other_applied()
    {
        await using var w = await PythonProjectAsync();
        var numpy = w.Update(Ecosystem.PyPI, "requirements.txt", "numpy", "numpy==", "1.25.0", "2.0.0", UpdateKind.Major);
        var requests = w.Update(Ecosystem.PyPI, "requirements.txt", "requests", "requests==", "2.31.0", "2.32.3", UpdateKind.Minor);
        var stages = new List<UpdateProgress>();

        var outcomes = await w.Applier().ApplyAsync(w.Root, [new UpdateGroup("auto", [numpy, requests])], "python3 test.py", Timeout, new ProgressLog(stages));

        Assert.Equal([UpdateResult.RolledBack, UpdateResult.Applied], outcomes.Select(o => o.Result));
        Assert.Same(numpy, outcomes[0].Update);
        Assert.Equal("# pinned by hand\nnumpy==1.25.0\nrequests==2.32.3  # http\n", w.Read("requirements.txt"));
        var lines = w.Lines();
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("[WARN] Update rolled back: numpy==2.0.0, requests==2.32.3: the tests failed", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("[WARN] Update rolled back: numpy==2.0.0: the tests failed", lines[1], StringComparison.Ordinal);
        Assert.Equal("[INFO] Update dependency: requests==2.32.3", lines[2]);
        Assert.Contains(stages, s => s.Stage == UpdateStage.Bisecting);
        Assert.Equal(4, stages.Count(s => s.Stage is UpdateStage.Testing or UpdateStage.Baseline));
    }

    [Fact]
    public async Task The_log_line_is_the_seed_s_in_an_indonesian_plan_too()
    {
        await using var w = await PythonProjectAsync(language: "id");
        var update = w.Update(Ecosystem.PyPI, "requirements.txt", "numpy", "numpy==", "1.25.0", "1.26.0");

        await w.Applier().ApplyAsync(w.Root, [new UpdateGroup("patch", [update])], "python3 test.py", Timeout);

        // The seed's Indonesian plan writes this line in these words: "[INFO] Update dependency: numpy==1.26.0".
        Assert.Equal(["[INFO] Update dependency: numpy==1.26.0"], w.Lines());
    }

    [Fact]
    public async Task A_rollback_record_left_by_a_crash_is_rolled_back_before_anything_else()
    {
        await using var w = await PythonProjectAsync();
        // The state a crash leaves mid-trial: the record written, the manifest already edited to a version that breaks.
        RollbackRecord.Write(FileSnapshot.Take(w.Root, ["requirements.txt"]), ["numpy==2.0.0"]);
        w.Write("requirements.txt", Requirements.Replace("numpy==1.25.0", "numpy==2.0.0", StringComparison.Ordinal));
        var update = w.Update(Ecosystem.PyPI, "requirements.txt", "numpy", "numpy==", "1.25.0", "1.26.0");

        var outcome = Assert.Single(await w.Applier().ApplyAsync(w.Root, [new UpdateGroup("patch", [update])], "python3 test.py", Timeout));

        // Had the baseline run on the crashed state, it would have failed and skipped the update.
        Assert.Equal(UpdateResult.Applied, outcome.Result);
        Assert.Equal(Requirements.Replace("numpy==1.25.0", "numpy==1.26.0", StringComparison.Ordinal), w.Read("requirements.txt"));
        Assert.Equal(["[WARN] Update interrupted earlier rolled back: numpy==2.0.0 (1 file(s) restored)", "[INFO] Update dependency: numpy==1.26.0"], w.Lines());
    }

    [Fact]
    public async Task When_the_tests_fail_before_any_update_nothing_is_tried_and_the_log_says_why()
    {
        await using var w = await PythonProjectAsync();
        w.Write("requirements.txt", Requirements.Replace("numpy==1.25.0", "numpy==2.1.0", StringComparison.Ordinal));
        var before = w.Tree();
        var update = w.Update(Ecosystem.PyPI, "requirements.txt", "requests", "requests==", "2.31.0", "2.32.3");

        var outcome = Assert.Single(await w.Applier().ApplyAsync(w.Root, [new UpdateGroup("patch", [update])], "python3 test.py", Timeout));

        Assert.Equal(UpdateResult.Skipped, outcome.Result);
        Assert.Equal("not tried: the tests fail before any update (exit code 1, accepted: 0)", outcome.Reason);
        Assert.Equal(before, w.Tree());
        var line = Assert.Single(w.Lines());
        Assert.StartsWith("[WARN] Updates not applied: the tests fail before any update (exit code 1, accepted: 0): collected 12 items FAILED", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_whose_declaration_moved_is_skipped_with_the_editor_reason_and_the_rest_applied()
    {
        await using var w = await PythonProjectAsync();
        var numpy = w.Update(Ecosystem.PyPI, "requirements.txt", "numpy", "numpy==", "1.25.0", "1.26.0");
        var stale = numpy with { Dependency = numpy.Dependency with { Name = "scipy" }, To = "1.11.0" };
        var gone = numpy with { Dependency = numpy.Dependency with { Where = new ManifestLocation("missing/requirements.txt", 1) } };

        var outcomes = await w.Applier().ApplyAsync(w.Root, [new UpdateGroup("patch", [stale, numpy, gone])], "python3 test.py", Timeout);

        Assert.Equal([UpdateResult.Skipped, UpdateResult.Applied, UpdateResult.Skipped], outcomes.Select(o => o.Result));
        Assert.StartsWith("requirements.txt:2: ", outcomes[0].Reason, StringComparison.Ordinal);
        Assert.Equal("missing/requirements.txt is not there", outcomes[2].Reason);
        Assert.Equal(["[INFO] Update dependency: numpy==1.26.0"], w.Lines());
    }

    [Fact]
    public async Task A_dry_run_shows_each_manifest_as_a_unified_diff_and_writes_nothing()
    {
        await using var w = await PythonProjectAsync();
        var before = w.Tree();
        var numpy = w.Update(Ecosystem.PyPI, "requirements.txt", "numpy", "numpy==", "1.25.0", "1.26.0");
        var requests = w.Update(Ecosystem.PyPI, "requirements.txt", "requests", "requests==", "2.31.0", "2.32.3");

        var preview = UpdatePreview.Of(w.Root, [new UpdateGroup("patch", [numpy]), new UpdateGroup("minor", [requests])], w.Journal.Messages);

        var change = Assert.Single(preview.Changes);
        Assert.Empty(preview.Skipped);
        Assert.Equal("# pinned by hand\nnumpy==1.26.0\nrequests==2.32.3  # http\n", change.After);
        Assert.Equal("""
            --- a/requirements.txt
            +++ b/requirements.txt
            @@ -1,3 +1,3 @@
             # pinned by hand
            -numpy==1.25.0
            -requests==2.31.0  # http
            +numpy==1.26.0
            +requests==2.32.3  # http

            """.ReplaceLineEndings("\n"), change.Diff().ReplaceLineEndings("\n"));
        Assert.Equal(before, w.Tree());
        Assert.Empty(w.Lines());
    }

    [Fact]
    public async Task An_npm_project_without_a_lock_file_has_its_range_moved_and_kept()
    {
        await using var w = await UpdateWorkspace.CreateAsync();
        w.Write("package.json", "{\n  \"name\": \"shop\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"acme-pad\": \"^1.2.0\"\n  }\n}\n");
        w.Write("test.js", """
            const deps = require("./package.json").dependencies;
            if (!deps["acme-pad"].startsWith("^1.")) { console.log("acme-pad 2 is not supported"); process.exit(1); }
            console.log("ok");
            """);
        var update = w.Update(Ecosystem.Npm, "package.json", "acme-pad", "acme-pad", "1.2.0", "1.3.0", UpdateKind.Minor);

        var outcome = Assert.Single(await w.Applier().ApplyAsync(w.Root, [new UpdateGroup("minor", [update])], "node test.js", Timeout));

        Assert.Equal(UpdateResult.Applied, outcome.Result);
        Assert.Contains("\"acme-pad\": \"^1.3.0\"", w.Read("package.json"), StringComparison.Ordinal);
        Assert.False(File.Exists(w.PathOf("package-lock.json")));
        Assert.Equal(["[INFO] Update dependency: acme-pad==1.3.0"], w.Lines());
    }

    private static async Task<UpdateWorkspace> PythonProjectAsync(string language = "en", string? secret = null)
    {
        var w = await UpdateWorkspace.CreateAsync(language, secret);
        w.Write("requirements.txt", Requirements);
        w.Write("test.py", PythonTest);
        return w;
    }
}
