using System.CommandLine;
using Jaga.Core.Errors;

namespace Jaga.Cli.Tests;

/// <summary>The error taxonomy at the command line: a user error exits 2 with its message and hint, a state store that is
/// down exits 1, and anything else is a bug: exit 70, the stack trace on stderr, an ERROR line in the maintenance log.</summary>
public sealed class BugTests : IDisposable
{
    private readonly Workspace ws = new();

    [Fact]
    public async Task An_ArgumentException_from_inside_a_command_is_a_bug_with_its_stack_trace()
    {
        var r = await ws.JagaWith(Failing(_ => throw new ArgumentException("an argument no user gave")), "boom");
        Assert.True(r.Code == 70, r.ToString());
        Assert.Contains("a bug in Jaga", r.Err);
        Assert.Contains("System.ArgumentException: an argument no user gave", r.Err);
        Assert.Contains("   at ", r.Err);
    }

    [Fact]
    public async Task A_NullReferenceException_after_the_plan_loaded_is_recorded_as_an_ERROR_line()
    {
        var r = await ws.JagaWith(Failing(ctx =>
        {
            ctx.LoadPlan();
            string? missing = null;
            _ = missing!.Length;
        }), "boom");
        Assert.True(r.Code == 70, r.ToString());
        Assert.Contains("NullReferenceException", r.Err);
        Assert.Contains("   at ", r.Err);
        var log = await File.ReadAllTextAsync(ws.LogPath);
        Assert.Contains("[ERROR] jaga boom stopped by a bug: NullReferenceException", log);
    }

    [Fact]
    public async Task A_bug_hides_the_plans_secrets_in_its_trace()
    {
        var r = await ws.JagaWith(Failing(ctx =>
        {
            ctx.LoadPlan();
            throw new InvalidOperationException("could not use postgres://app:s3cr3t-pw@db.internal:5432/app with tok-abcdef123456");
        }), "boom");
        Assert.True(r.Code == 70, r.ToString());
        Assert.DoesNotContain("s3cr3t-pw", r.Err);
        Assert.DoesNotContain("tok-abcdef123456", r.Err);
        Assert.DoesNotContain("s3cr3t-pw", await File.ReadAllTextAsync(ws.LogPath));
    }

    [Fact]
    public async Task A_bug_before_any_plan_is_loaded_still_exits_70()
    {
        File.Delete(ws.PlanPath);
        var r = await ws.JagaWith(Failing(_ => throw new IOException("not a file the user named")), "boom");
        Assert.True(r.Code == 70, r.ToString());
        Assert.Contains("System.IO.IOException: not a file the user named", r.Err);
        Assert.False(File.Exists(ws.LogPath));
    }

    [Fact]
    public async Task A_user_error_exits_2_with_its_message_and_hint_and_no_stack_trace()
    {
        var r = await ws.JagaWith(Failing(_ => throw new UserException("the key is missing", "give it with --key FILE")), "boom");
        Assert.Equal(2, r.Code);
        Assert.Equal("jaga: the key is missing\nhint: give it with --key FILE\n", r.Err.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_state_store_that_is_unavailable_exits_1()
    {
        var r = await ws.JagaWith(Failing(_ => throw new StoreUnavailableException("connection refused")), "boom");
        Assert.Equal(1, r.Code);
        Assert.Equal("jaga: the state store failed: connection refused\n", r.Err.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_out_file_that_cannot_be_written_is_a_user_error()
    {
        // Under a file, as if it were a folder: no folder can be made there.
        var r = await ws.Jaga("plan", "render", "--out", Path.Combine(ws.Dir, ".env", "plan.md"));
        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("--out ", r.Err);
        Assert.Contains("hint: check that its folder exists and can be written", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    private static Func<CommandBuilder, Command> Failing(Action<CliContext> body) => b =>
    {
        var command = b.Command("boom", "A command that fails as the test says.", "jaga boom");
        b.Action(command, (_, ctx, _) =>
        {
            body(ctx);
            return Task.FromResult(0);
        });
        return command;
    };

    public void Dispose() => ws.Dispose();
}
