using Jaga.Core.Errors;
using Jaga.Engine.Secrets;

namespace Jaga.Secrets.Tests.Scan;

/// <summary>The engine's scan over real folders and real git repositories made with the git CLI.</summary>
[Trait("Category", "Integration")]
public sealed class SecretsScanTests
{
    private static readonly string Token = Fake.Token("ghp_", 36);

    [Fact]
    public async Task A_secret_committed_then_deleted_is_found_by_the_history_and_not_in_the_working_tree()
    {
        using var repo = new TempRepo();
        repo.Write("README.md", "hello\n");
        repo.Write("config/app.env", "A=1\nB=2\nGH_TOKEN=" + Token + "\n");
        var added = repo.Commit("add config");
        File.Delete(Path.Combine(repo.Root, "config/app.env"));
        repo.Commit("remove config");

        var tree = await SecretsScan.RunAsync(repo.Root, new SecretsScanOptions(), CancellationToken.None);
        Assert.True(tree.Clean);
        Assert.True(tree.GitIgnoreUsed);

        var history = await SecretsScan.RunAsync(repo.Root, new SecretsScanOptions { History = true }, CancellationToken.None);
        var found = Assert.Single(history.Findings);
        Assert.Equal(("github-pat", "config/app.env", 3, added), (found.RuleId, found.Path, found.Line, found.Commit));
        Assert.Equal(2, history.Commits);
        Assert.False(history.Clean);
    }

    [Fact]
    public async Task History_gives_each_added_line_its_line_in_the_file_across_hunks()
    {
        using var repo = new TempRepo();
        repo.Write("a.txt", string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n")));
        repo.Commit("one");
        var lines = Enumerable.Range(1, 20).Select(i => $"line {i}").ToList();
        lines.Insert(2, "x");
        lines.Insert(15, "GH=" + Token);
        repo.Write("a.txt", string.Join("\n", lines) + "\n");
        var second = repo.Commit("two");

        var report = await SecretsScan.RunAsync(repo.Root, new SecretsScanOptions { History = true }, CancellationToken.None);
        var found = Assert.Single(report.Findings);
        Assert.Equal((16, second), (found.Line, found.Commit));
    }

    [Fact]
    public async Task History_reads_an_added_line_starting_with_two_pluses_and_names_with_spaces_and_accents()
    {
        using var repo = new TempRepo();
        repo.Write("fix.patch", "++ GH=" + Token + "\nafter\n");
        repo.Write("spa ce caf\u00e9.txt", "GH=" + Token + "\n");
        var commit = repo.Commit("one");

        var report = await SecretsScan.RunAsync(repo.Root, new SecretsScanOptions { History = true }, CancellationToken.None);

        Assert.Equal([("fix.patch", 1), ("spa ce caf\u00e9.txt", 1)], report.Findings.Select(f => (f.Path, f.Line)).Order().ToArray());
        Assert.All(report.Findings, f => Assert.Equal(commit, f.Commit));
    }

    [Fact]
    public async Task A_gitignored_file_is_not_scanned_and_an_untracked_one_is()
    {
        using var repo = new TempRepo();
        repo.Write(".gitignore", ".env\n");
        repo.Write(".env", "T=" + Token + "\n");
        repo.Write("untracked.cfg", "T=" + Token + "\n");
        var report = await SecretsScan.RunAsync(repo.Root, new SecretsScanOptions(), CancellationToken.None);
        Assert.Equal(["untracked.cfg"], report.Findings.Select(f => f.Path));
    }

    [Fact]
    public async Task A_history_scan_of_a_repository_without_commits_is_empty()
    {
        using var repo = new TempRepo();
        var report = await SecretsScan.RunAsync(repo.Root, new SecretsScanOptions { History = true }, CancellationToken.None);
        Assert.Equal((0, 0), (report.Commits, report.Findings.Count));
    }

    [Fact]
    public async Task Outside_git_a_walk_skips_build_and_package_folders_binaries_and_large_files()
    {
        using var dir = new TempRepo(git: false);
        foreach (var skipped in new[] { "node_modules/p/a.js", "bin/Release/a.json", "obj/a.json", ".git/config" }) dir.Write(skipped, "T=" + Token);
        dir.Write("src/app.js", "const t = '" + Token + "';\n");
        File.WriteAllBytes(Path.Combine(dir.Root, "image.bin"), [.. "T="u8.ToArray(), 0, .. System.Text.Encoding.ASCII.GetBytes(Token)]);
        dir.Write("big.txt", new string('a', 2000) + Token);
        var report = await SecretsScan.RunAsync(dir.Root, new SecretsScanOptions { MaxFileSize = 1000 }, CancellationToken.None);
        Assert.False(report.GitIgnoreUsed);
        Assert.Equal(["src/app.js"], report.Findings.Select(f => f.Path));
        Assert.Equal([("big.txt", SkipReason.TooLarge), ("image.bin", SkipReason.Binary)], report.Skipped.Select(s => (s.Path, s.Reason)));
    }

    [Fact]
    public async Task A_symbolic_link_is_not_followed()
    {
        using var outside = new TempRepo(git: false);
        outside.Write("secret.txt", "T=" + Token);
        using var dir = new TempRepo(git: false);
        dir.Write("a.txt", "nothing");
        Directory.CreateSymbolicLink(Path.Combine(dir.Root, "link"), outside.Root);
        var report = await SecretsScan.RunAsync(dir.Root, new SecretsScanOptions(), CancellationToken.None);
        Assert.True(report.Clean);
    }

    [Fact]
    public async Task A_FIFO_is_skipped_at_once_rather_than_waited_on()
    {
        using var dir = new TempRepo(git: false);
        var fifo = Path.Combine(dir.Root, "pipe");
        var made = await Jaga.Testing.ChildProcess.RunAsync("mkfifo", [fifo], TimeSpan.FromSeconds(10));
        Assert.Equal(0, made.ExitCode);
        var report = await SecretsScan.RunAsync(dir.Root, new SecretsScanOptions(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(("pipe", SkipReason.NotRegular), (Assert.Single(report.Skipped).Path, report.Skipped[0].Reason));
        var alone = await SecretsScan.RunAsync(fifo, new SecretsScanOptions(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(SkipReason.NotRegular, Assert.Single(alone.Skipped).Reason);
    }

    [Fact]
    public async Task A_missing_path_and_history_outside_git_are_user_errors()
    {
        using var dir = new TempRepo(git: false);
        await Assert.ThrowsAsync<UserException>(() => SecretsScan.RunAsync(Path.Combine(dir.Root, "nope"), new SecretsScanOptions(), CancellationToken.None));
        var e = await Assert.ThrowsAsync<UserException>(() => SecretsScan.RunAsync(dir.Root, new SecretsScanOptions { History = true }, CancellationToken.None));
        Assert.Contains("not in a git repository", e.Message, StringComparison.Ordinal);
    }
}
