namespace Jaga.Cli.Tests;

/// <summary>Mistakes a user can make outside the plan's text: one clear message, the right exit code, never a stack trace.</summary>
public sealed class UserErrorTests : IDisposable
{
    private readonly Workspace ws = new();

    [Fact]
    public async Task A_folder_as_the_plan_is_named_as_a_folder()
    {
        var r = await ws.Jaga("--plan", ws.Dir, "validate");
        Assert.Equal(2, r.Code);
        Assert.Contains("is a folder, not a plan file", r.Err);
        AssertNoStackTrace(r);
    }

    [Fact]
    public async Task An_empty_plan_path_is_a_usage_error()
    {
        var r = await ws.Jaga("--plan", "", "validate");
        Assert.Equal(2, r.Code);
        Assert.Contains("the plan path is empty", r.Err);
        AssertNoStackTrace(r);
    }

    [Fact]
    public async Task A_key_file_that_is_not_a_key_is_a_usage_error()
    {
        await ws.Jaga("log", "add", "satu");
        var key = Path.Combine(ws.Dir, "garbage.pub");
        File.WriteAllText(key, "not a key at all");
        var r = await ws.Jaga("audit", "verify", "--key", key);
        Assert.Equal(2, r.Code);
        Assert.Contains("is not an Ed25519 key in PEM form", r.Err);
        AssertNoStackTrace(r);
    }

    [Fact]
    public async Task A_state_store_that_cannot_be_opened_fails_with_one_message()
    {
        // A symbolic link to itself: SQLite cannot open it, and nothing in the plan's text says so (a folder named as the
        // state is refused by validate already).
        File.WriteAllText(ws.PlanPath, Workspace.MinimalPlan + "\nstate: loop.db\n");
        File.CreateSymbolicLink(Path.Combine(ws.Dir, "loop.db"), Path.Combine(ws.Dir, "loop.db"));
        var r = await ws.Jaga("log", "add", "satu");
        Assert.Equal(1, r.Code);
        Assert.Contains("the state store failed", r.Err);
        AssertNoStackTrace(r);
    }

    [Fact]
    public async Task A_lost_private_key_is_never_replaced_silently()
    {
        await ws.Jaga("log", "add", "satu");
        Assert.Equal(0, (await ws.Jaga("audit", "checkpoint")).Code);
        File.Delete(Path.Combine(ws.Dir, ".jaga", "audit.key"));
        var r = await ws.Jaga("audit", "checkpoint");
        Assert.Equal(2, r.Code);
        Assert.Contains("the audit private key .jaga/audit.key is missing but its public key .jaga/audit.pub exists", r.Err);
        Assert.False(File.Exists(Path.Combine(ws.Dir, ".jaga", "audit.key")));
    }

    [Fact]
    public async Task A_chain_that_does_not_verify_is_never_signed()
    {
        await ws.Jaga("log", "add", "satu");
        await ws.Jaga("log", "add", "dua");
        ws.Tamper("UPDATE audit SET message = 'tiga' WHERE seq = 1");
        var r = await ws.Jaga("audit", "checkpoint");
        Assert.Equal(1, r.Code);
        Assert.Contains("not signing a checkpoint of a chain that does not verify: entry #1 was edited", r.Err);
        var verify = await ws.Jaga("audit", "verify", "--no-record", "--json");
        Assert.DoesNotContain("stored checkpoint", verify.Out);
    }

    [Fact]
    public async Task A_deleted_log_file_is_not_quietly_rewritten_by_the_next_entry()
    {
        await ws.Jaga("log", "add", "satu");
        await ws.Jaga("log", "add", "dua");
        File.Delete(ws.LogPath);
        await ws.Jaga("log", "add", "tiga");
        var r = await ws.Jaga("audit", "verify", "--no-record");
        Assert.Equal(1, r.Code);
        Assert.Contains("missing from maintenance.log", r.Out);
    }

    private static void AssertNoStackTrace(JagaResult r)
    {
        Assert.DoesNotContain("   at ", r.Err);
        Assert.DoesNotContain("Exception", r.Err);
    }

    public void Dispose() => ws.Dispose();
}
