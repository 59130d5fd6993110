namespace Jaga.Cli.Tests;

/// <summary>Options the user typed wrong are answered in the user's words and language, never in .NET's
/// ("expected type 'System.Nullable`1[System.Int32]'"), with exit 2.</summary>
public sealed class UsageMessageTests : IDisposable
{
    private readonly Workspace ws = new();

    [Fact]
    public async Task A_tail_that_is_not_a_number_is_said_as_one_in_English()
    {
        var r = await ws.Jaga("--lang", "en", "log", "--tail", "abc");
        Assert.Equal(2, r.Code);
        Assert.Contains("jaga: --tail: 'abc' is not a whole number; give one such as --tail 5", r.Err);
        Assert.Contains("Run 'jaga --help'", r.Err);
        AssertNoDotNet(r);
    }

    [Fact]
    public async Task A_usage_error_speaks_the_plans_language()
    {
        // The workspace's plan says language: id.
        var r = await ws.Jaga("ping", "nightly", "--exit", "abc");
        Assert.Equal(2, r.Code);
        Assert.Contains("jaga: --exit: 'abc' bukan bilangan bulat; berikan misalnya --exit 5", r.Err);
        Assert.Contains("Jalankan 'jaga --help'", r.Err);
        AssertNoDotNet(r);
    }

    [Theory]
    [InlineData("plan", "render")]
    [InlineData("runbook", "show", "restore-db")]
    public async Task A_value_not_among_the_allowed_ones_is_said_in_the_plans_language_with_the_choices(params string[] command)
    {
        var r = await ws.Jaga([.. command, "--format", "pdf"]);
        Assert.Equal(2, r.Code);
        Assert.Contains("--format: 'pdf' bukan salah satu dari md", r.Err);
        Assert.DoesNotContain("not recognized", r.Err);
        AssertNoDotNet(r);
    }

    [Fact]
    public async Task A_number_too_large_for_its_option_is_out_of_range()
    {
        var r = await ws.Jaga("--lang", "en", "ping", "nightly", "--exit", "99999999999");
        Assert.Equal(2, r.Code);
        Assert.Contains("--exit: 99999999999 is out of range; give a whole number from -2147483648 to 2147483647", r.Err);
        AssertNoDotNet(r);
    }

    [Fact]
    public async Task A_huge_value_is_quoted_back_only_by_its_start()
    {
        var r = await ws.Jaga("--lang", "en", "log", "--tail", new string('x', 100_000));
        Assert.Equal(2, r.Code);
        Assert.Contains("(100,000 characters)", r.Err);
        Assert.True(r.Err.Length < 1000, r.Err.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_kind_of_typed_value_is_described_without_its_dotnet_type()
    {
        var t = Core.Messages.Catalog.English;
        Assert.Equal("--every: 'soon' is not a duration; give hours:minutes:seconds such as --every 00:30:00", UsageErrors.Typed("--every", typeof(TimeSpan?), "soon", t));
        Assert.Equal("--kind: 'x' is not one of unspecified, utc, local", UsageErrors.Typed("--kind", typeof(DateTimeKind), "x", t));
        Assert.Equal("--ratio: 'half' is not a number; give one such as --ratio 1.5", UsageErrors.Typed("--ratio", typeof(double), "half", t));
        Assert.Equal("--on: 'maybe' is not true or false", UsageErrors.Typed("--on", typeof(bool), "maybe", t));
        Assert.Equal("--at: 'noon' is not a date; give one such as --at 2025-11-15 or --at 2025-11-15T02:00", UsageErrors.Typed("--at", typeof(DateTimeOffset), "noon", t));
        Assert.Equal("--size: 99999999999999999999 is out of range; give a whole number from -9223372036854775808 to 9223372036854775807", UsageErrors.Typed("--size", typeof(long), "99999999999999999999", t));
        Assert.Null(UsageErrors.Typed("--tail", typeof(int?), "50", t));
    }

    [Fact]
    public async Task An_empty_plan_option_is_said_as_the_option_not_as_a_file_position()
    {
        var r = await ws.Jaga("--plan", "", "status");
        Assert.Equal(2, r.Code);
        Assert.StartsWith("jaga: --plan: the plan path is empty", r.Err);
        Assert.DoesNotContain(":1:1:", r.Err);
    }

    [Theory]
    [InlineData("audit", "export", "--out")]
    [InlineData("plan", "render", "--out")]
    [InlineData("audit", "checkpoint", "--out")]
    public async Task An_empty_option_value_is_said_to_be_empty(string command, string sub, string option)
    {
        await ws.Jaga("log", "add", "satu");
        var r = await ws.Jaga("--lang", "en", command, sub, option, "");
        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains($"jaga: {option}: the value is empty; give one (see 'jaga {command} {sub} --help')", r.Err);
        AssertNoDotNet(r);
    }

    [Theory]
    [InlineData("99999999d")]
    [InlineData("9999999d")]
    [InlineData("0001-01-01")]
    public async Task A_since_before_the_year_one_is_a_range_error_not_a_crash(string since)
    {
        var r = await ws.Jaga("--lang", "en", "log", "--since", since);
        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains($"--since: '{since}' reaches back before the year 1", r.Err);
        AssertNoDotNet(r);
    }

    [Fact]
    public async Task Init_that_cannot_write_its_plan_names_the_users_path_and_why()
    {
        if (!Directory.Exists("/proc")) return; // Linux only: /proc is the folder that exists but takes no new file.
        var r = await ws.Jaga("--lang", "en", "init", "--force", "--plan", "/proc/version");
        Assert.Equal(2, r.Code);
        Assert.Contains("cannot write the plan /proc/version: the folder /proc does not accept new files", r.Err);
        Assert.DoesNotContain(".tmp", r.Err);
        AssertNoDotNet(r);
    }

    internal static void AssertNoDotNet(JagaResult r)
    {
        Assert.DoesNotContain("System.", r.Err + r.Out);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.DoesNotContain("Exception", r.Err);
    }

    public void Dispose() => ws.Dispose();
}
