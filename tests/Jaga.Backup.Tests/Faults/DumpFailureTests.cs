using Jaga.Testing;

namespace Jaga.Backup.Tests.Faults;

/// <summary>pg_dump failing at the start (a wrong password, a database that does not exist): the run fails clearly and leaves nothing.</summary>
[Collection(FaultServers.Name)]
public sealed class DumpFailureTests(PostgresServer pg) : IDisposable
{
    private const string WrongPassword = "Wrong-Pass-9173";
    private readonly FaultWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task A_wrong_password_fails_the_run_with_an_error_line_that_does_not_hold_the_password_and_leaves_no_artifact()
    {
        await PasswordLogin.EnsureAsync(pg);
        var url = (await pg.CreateDatabaseAsync()).Replace($"//{PostgresServer.User}@", $"//{PasswordLogin.User}:{WrongPassword}@", StringComparison.Ordinal);

        var (run, line) = await RunFailingAsync(url);

        Assert.Contains($"PostgreSQL refused the login for user '{PasswordLogin.User}'", line, StringComparison.Ordinal);
        Assert.Contains("wrong password", line, StringComparison.Ordinal);
        foreach (var text in (string[])[run.Out, run.Err, .. ws.LogLines()])
        {
            Assert.DoesNotContain(WrongPassword, text, StringComparison.Ordinal);
            Assert.DoesNotContain(PasswordLogin.Password, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_database_fails_the_run_with_an_error_line_naming_it_and_leaves_no_artifact()
    {
        var url = pg.Url("no_such_database_here");

        var (_, line) = await RunFailingAsync(url);

        Assert.Contains("no_such_database_here", line, StringComparison.Ordinal);
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
    }

    /// <summary>Runs the job, proves it failed and left nothing, and returns what was printed and the ERROR log line.</summary>
    private async Task<(CliResult Run, string ErrorLine)> RunFailingAsync(string url)
    {
        ws.WritePlan("", $"""
              - name: db
                source: {"{"} postgres: "{url}" {"}"}
                schedule: "0 2 * * *"
                to: [local]
            """);

        var run = await ws.JagaAsync("backup", "run", "db");

        Assert.True(run.Code == 1, run.ToString());
        var line = Assert.Single(ws.LogLines(), l => l.Contains("[ERROR]", StringComparison.Ordinal));
        Assert.Contains("Backup db FAILED", line, StringComparison.Ordinal);
        Assert.Contains(line, run.Out, StringComparison.Ordinal);
        Assert.Empty(FaultWorkspace.Visible(ws.Local));
        Assert.Empty(FaultWorkspace.Partials(ws.Local));
        var record = Assert.Single(await ws.ListAsync())!;
        Assert.Equal("failed", (string?)record["status"]);
        Assert.Null(record["sha256"]);
        return (run, line);
    }
}
