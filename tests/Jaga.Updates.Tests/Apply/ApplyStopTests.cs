using Jaga.Core.Errors;
using Jaga.Core.Updates;
using Jaga.Engine.Updates.Apply;

namespace Jaga.Updates.Tests.Apply;

/// <summary>An apply stopped by a timeout, a cancellation, a lock refresh that fails, or a test command that is not one:
/// the files are always as they were.</summary>
[Trait("Category", "Integration")]
public sealed class ApplyStopTests
{
    // Hangs when numpy is at 1.26.0, as a suite that deadlocks with a new version.
    private const string HangingTest = """
        import sys, time
        if "numpy==1.26.0" in open("requirements.txt").read():
            print("test_parallel.py::test_pool ...", flush=True)
            time.sleep(120)
        print("1 passed")
        """;

    [Fact]
    public async Task A_test_run_past_its_timeout_is_stopped_and_the_update_rolled_back()
    {
        await using var w = await HangingProjectAsync();
        var before = w.Tree();
        var update = w.Update(Ecosystem.PyPI, "requirements.txt", "numpy", "numpy==", "1.25.0", "1.26.0");

        var outcome = Assert.Single(await w.Applier().ApplyAsync(w.Root, [new UpdateGroup("patch", [update])], "python3 test.py", TimeSpan.FromSeconds(5)));

        Assert.Equal(UpdateResult.RolledBack, outcome.Result);
        Assert.Equal("the tests failed (timed out after 5s; process group stopped with SIGTERM)", outcome.Reason);
        Assert.Equal("test_parallel.py::test_pool ...", outcome.Tail);
        Assert.Equal(before, w.Tree());
    }

    [Fact]
    public async Task A_cancelled_apply_restores_the_files_before_it_stops()
    {
        await using var w = await HangingProjectAsync();
        var before = w.Tree();
        var update = w.Update(Ecosystem.PyPI, "requirements.txt", "numpy", "numpy==", "1.25.0", "1.26.0");
        using var stop = new CancellationTokenSource();
        var stages = new List<UpdateProgress>();
        var progress = new ProgressLog(stages, s =>
        {
            if (s.Stage == UpdateStage.Testing) stop.CancelAfter(TimeSpan.FromSeconds(1));
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            w.Applier().ApplyAsync(w.Root, [new UpdateGroup("patch", [update])], "python3 test.py", TimeSpan.FromMinutes(2), progress, stop.Token));

        Assert.Equal(before, w.Tree());
        Assert.Empty(w.Lines());
    }

    [Fact]
    public async Task A_lock_file_its_tool_cannot_refresh_rolls_the_update_back_with_the_tool_output()
    {
        await using var w = await UpdateWorkspace.CreateAsync();
        w.Write("package.json", "{\n  \"name\": \"shop\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"acme-pad\": \"^1.2.0\"\n  }\n}\n");
        w.Write("package-lock.json", """
            {
              "name": "shop",
              "version": "1.0.0",
              "lockfileVersion": 3,
              "requires": true,
              "packages": {
                "": { "name": "shop", "version": "1.0.0", "dependencies": { "acme-pad": "^1.2.0" } },
                "node_modules/acme-pad": { "version": "1.2.0", "resolved": "http://127.0.0.1:9/acme-pad/-/acme-pad-1.2.0.tgz" }
              }
            }

            """);
        // Offline with an empty cache: npm cannot resolve 1.3.0 and says so, without asking any registry.
        w.Write(".npmrc", "offline=true\n");
        w.Write("test.js", "console.log('ok')\n");
        var before = w.Tree();
        var update = w.Update(Ecosystem.Npm, "package.json", "acme-pad", "acme-pad", "1.2.0", "1.3.0");
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = w.Dir, ["npm_config_cache"] = Path.Combine(w.Dir, "npm-cache") };

        var outcome = Assert.Single(await w.Applier(env).ApplyAsync(w.Root, [new UpdateGroup("minor", [update])], "node test.js", TimeSpan.FromMinutes(2)));

        Assert.Equal(UpdateResult.RolledBack, outcome.Result);
        Assert.StartsWith("npm install --package-lock-only --ignore-scripts in . failed (exit code ", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("ENOTCACHED", outcome.Tail, StringComparison.Ordinal);
        Assert.Equal(before, w.Tree());
        Assert.StartsWith("[WARN] Update rolled back: acme-pad==1.3.0: npm install --package-lock-only --ignore-scripts in . failed", Assert.Single(w.Lines()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_command_that_needs_a_shell_is_refused_before_anything_is_touched()
    {
        await using var w = await HangingProjectAsync();
        RollbackRecord.Write(FileSnapshot.Take(w.Root, ["requirements.txt"]), ["numpy==2.0.0"]);
        var before = w.Tree();
        var update = w.Update(Ecosystem.PyPI, "requirements.txt", "numpy", "numpy==", "1.25.0", "1.26.0");

        var e = await Assert.ThrowsAsync<UserException>(() =>
            w.Applier().ApplyAsync(w.Root, [new UpdateGroup("patch", [update])], "python3 test.py && echo done", TimeSpan.FromMinutes(1)));

        Assert.StartsWith("update.test runs without a shell, and & is shell syntax", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, w.Tree());
    }

    [Fact]
    public async Task A_second_apply_in_the_same_project_is_refused_while_one_runs_and_its_record_left_alone()
    {
        await using var w = await HangingProjectAsync();
        RollbackRecord.Write(FileSnapshot.Take(w.Root, ["requirements.txt"]), ["numpy==1.26.0"]);
        w.Write("requirements.txt", "numpy==1.26.0\n");
        var before = w.Tree();
        var update = w.Update(Ecosystem.PyPI, "requirements.txt", "numpy", "numpy==", "1.26.0", "1.26.1");

        using (ApplyLock.Take(Path.GetFullPath(w.Root), w.Journal.Messages))
        {
            var e = await Assert.ThrowsAsync<UserException>(() =>
                w.Applier().ApplyAsync(w.Root, [new UpdateGroup("patch", [update])], "python3 test.py", TimeSpan.FromMinutes(1)));
            Assert.Equal($"another jaga deps update is applying updates in {Path.GetFullPath(w.Root)}", e.Message);
            await Assert.ThrowsAsync<UserException>(() => w.Applier().RecoverAsync(w.Root));
            Assert.Equal(before, w.Tree());
        }

        await w.Applier().RecoverAsync(w.Root);
        Assert.Equal("numpy==1.25.0\n", w.Read("requirements.txt"));
    }

    private static async Task<UpdateWorkspace> HangingProjectAsync()
    {
        var w = await UpdateWorkspace.CreateAsync();
        w.Write("requirements.txt", "numpy==1.25.0\n");
        w.Write("test.py", HangingTest);
        return w;
    }
}
