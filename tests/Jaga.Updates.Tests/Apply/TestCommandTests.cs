using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Engine.Migration.Run;
using Jaga.Engine.Planning;
using Jaga.Engine.Updates.Apply;

namespace Jaga.Updates.Tests.Apply;

public sealed class TestCommandTests
{
    [Theory]
    [InlineData("dotnet test", new[] { "dotnet", "test" })]
    [InlineData("  python3   -m  pytest\ttests ", new[] { "python3", "-m", "pytest", "tests" })]
    [InlineData("node 'my tests/run.js' --grep \"a b\"", new[] { "node", "my tests/run.js", "--grep", "a b" })]
    [InlineData("sh -c 'npm test && npm run lint'", new[] { "sh", "-c", "npm test && npm run lint" })]
    [InlineData("echo \"say \\\"hi\\\" \\\\ \\n\"", new[] { "echo", "say \"hi\" \\ \\n" })]
    [InlineData("run a\\ b ''", new[] { "run", "a b", "" })]
    [InlineData("x=1 ./test.sh", new[] { "x=1", "./test.sh" })]
    public void A_test_command_is_split_into_words_as_a_shell_splits_them(string line, string[] expected) =>
        Assert.Equal(expected, TestCommand.Words(line, Catalog.English));

    [Theory]
    [InlineData("npm test && npm run lint", "&")]
    [InlineData("pytest | tee out", "|")]
    [InlineData("pytest > out.txt", ">")]
    [InlineData("dotnet test $PROJECT", "$")]
    [InlineData("echo \"$HOME\"", "$")]
    [InlineData("pytest tests/*.py", "*")]
    [InlineData("~/bin/test", "~")]
    [InlineData("a; b", ";")]
    public void Shell_syntax_outside_quotes_is_refused_with_the_way_out(string line, string syntax)
    {
        var e = Assert.Throws<UserException>(() => TestCommand.Words(line, Catalog.English));
        Assert.Equal($"update.test runs without a shell, and {syntax} is shell syntax: {line}", e.Message);
        Assert.Equal("put the commands in a script and name it in update.test (./scripts/test.sh), or name the shell yourself: sh -c '…'", e.Hint);
    }

    [Fact]
    public void An_empty_command_and_an_open_quote_are_refused_in_the_plan_language()
    {
        var empty = Assert.Throws<UserException>(() => TestCommand.Words("   ", Catalog.English));
        Assert.Equal("update.test is empty: there is no test command to run the updates against", empty.Message);
        Assert.Equal("name the command that must pass after an update in update.test, e.g. dotnet test", empty.Hint);
        Assert.Throws<UserException>(() => TestCommand.Words(null, Catalog.English));
        var open = Assert.Throws<UserException>(() => TestCommand.Words("node 'test.js", Catalog.Indonesian));
        Assert.Equal("update.test memiliki tanda kutip yang tidak pernah ditutup: node 'test.js", open.Message);
        Assert.Throws<UserException>(() => TestCommand.Words("node \"test.js", Catalog.English));
    }

    [Fact]
    public void A_migration_test_that_needs_a_shell_is_refused_naming_migration_test()
    {
        var dir = Directory.CreateTempSubdirectory("jaga-migtest-").FullName;
        try
        {
            var text = "version: 1\nproject: m\nmigration:\n  from: sqlite:app.db\n  to: postgres://u@localhost/db\n  test: npm test && npm run lint\n";
            var loaded = PlanFile.LoadText(text, Path.Combine(dir, "jaga.yaml"));
            Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
            var e = Assert.Throws<UserException>(() => MigrationRunPlan.Of(loaded.Plan!, Catalog.English));
            Assert.Equal("migration.test runs without a shell, and & is shell syntax: npm test && npm run lint", e.Message);
            Assert.Equal("put the commands in a script and name it in migration.test (./scripts/test.sh), or name the shell yourself: sh -c '…'", e.Hint);
            var id = Assert.Throws<UserException>(() => MigrationRunPlan.Of(loaded.Plan!, Catalog.Indonesian));
            Assert.StartsWith("migration.test dijalankan tanpa shell", id.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
