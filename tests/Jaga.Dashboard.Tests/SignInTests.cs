using System.Net;
using Jaga.Core.Ports;
using Jaga.Dashboard.Accounts;

namespace Jaga.Dashboard.Tests;

/// <summary>Wrong passwords lock a user out (in the store, by the clock), the rate limiter stops a flood from one address, and
/// sign-ins survive a restart because Data Protection's keys are kept beside the state, readable by the owner only.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SignInTests : IAsyncLifetime
{
    private DashboardSite site = null!;

    public async Task InitializeAsync() => site = await DashboardSite.StartAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_user_and_the_right_one_is_refused_until_the_lock_ends()
    {
        await site.AddUserAsync("sari", DashboardRole.Operator);
        using var browser = new Browser(site.Url);

        for (var i = 1; i < SignInDesk.Limit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync("sari", "wrong password " + i)).StatusCode);
        using var locking = await browser.SignInAsync("sari", "wrong password 5");
        Assert.Equal(HttpStatusCode.Locked, locking.StatusCode);
        Assert.Contains("sign-in is refused until 2026-12-07 09:15", await locking.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        site.Clock.Advance(SignInDesk.LockFor - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Locked, (await browser.SignInAsync("sari", DashboardSite.Password)).StatusCode);
        site.Clock.Advance(TimeSpan.FromSeconds(1));
        await browser.SignInOkAsync("sari", DashboardSite.Password);

        Assert.Single(site.LogLines(), l => l.Contains("[WARN] Dashboard user sari locked out after 5 wrong passwords from 127.0.0.1, until 2026-12-07 09:15", StringComparison.Ordinal));
        Assert.Equal(0, (await site.Store.Users.GetAsync("sari"))!.FailedAttempts);
    }

    [Fact]
    public async Task An_unknown_name_gets_the_same_answer_as_a_wrong_password()
    {
        await site.AddUserAsync("sari", DashboardRole.Viewer);
        using var browser = new Browser(site.Url);

        using var unknown = await browser.SignInAsync("nobody", DashboardSite.Password);
        using var wrong = await browser.SignInAsync("sari", "not the password");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Wrong name or password.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Wrong name or password.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Six_tries_on_an_unknown_name_get_the_same_answers_as_six_on_a_real_one()
    {
        await site.AddUserAsync("sari", DashboardRole.Viewer);
        using var browser = new Browser(site.Url);
        using var other = new Browser(site.Url);
        other.ComesFrom("192.0.2.7");
        var real = new List<HttpStatusCode>();
        var unknown = new List<HttpStatusCode>();

        for (var i = 0; i <= SignInDesk.Limit; i++)
        {
            using var a = await browser.SignInAsync("sari", "wrong password " + i);
            using var b = await other.SignInAsync("nobody", "wrong password " + i);
            real.Add(a.StatusCode);
            unknown.Add(b.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Locked, real[^1]);
        Assert.Equal(real, unknown);
        site.Clock.Advance(SignInDesk.LockFor);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.SignInAsync("nobody", "wrong password")).StatusCode);
    }

    [Fact]
    public async Task A_name_that_is_no_users_is_never_written_down_and_the_actor_is_anonymous()
    {
        const string typed = "hunter2-S3cret-typed-in-the-name-field";
        using var browser = new Browser(site.Url);

        for (var i = 0; i < SignInDesk.Limit; i++) await browser.SignInAsync(typed, "whatever password");

        var audit = await site.Store.ReadAsync().ToListAsync();
        Assert.Equal(SignInDesk.Limit, audit.Count(e => e.Kind.StartsWith("dashboard.", StringComparison.Ordinal)));
        Assert.All(audit, e => Assert.DoesNotContain("S3cret", string.Join("\n", [e.Actor, e.Message, e.Line, .. e.Data.Keys, .. e.Data.Values]), StringComparison.Ordinal));
        Assert.All(audit.Where(e => e.Kind.StartsWith("dashboard.", StringComparison.Ordinal)), e => Assert.Equal(SignInDesk.Anonymous, e.Actor));
        Assert.DoesNotContain("S3cret", await File.ReadAllTextAsync(site.LogPath), StringComparison.Ordinal);
        Assert.Contains(site.LogLines(), l => l.Contains("Dashboard sign-in refused for (unknown name) from 127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_rate_limiter_answers_429_beyond_its_permits_from_one_address()
    {
        using var browser = new Browser(site.Url);
        var answers = new List<HttpStatusCode>();

        for (var i = 0; i <= Security.SignInLimiter.Permits; i++)
        {
            using var response = await browser.SignInAsync("nobody" + i, "whatever password");
            answers.Add(response.StatusCode);
        }

        Assert.All(answers.Take(Security.SignInLimiter.Permits), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Fact]
    public async Task A_sign_in_survives_a_restart_and_the_keys_are_readable_by_the_owner_only()
    {
        await site.AddUserAsync("sari", DashboardRole.Viewer);
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("sari", DashboardSite.Password);

        await site.StartAgainAsync();

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        var keys = Directory.GetFiles(site.KeysFolder, "*.xml");
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(k)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(site.KeysFolder));
    }

    [Fact]
    public async Task Keys_left_readable_by_others_are_narrowed_to_the_owner_on_the_next_start_and_sign_ins_still_hold()
    {
        await site.AddUserAsync("sari", DashboardRole.Viewer);
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("sari", DashboardSite.Password);
        // As a copy with `cp -r` under umask 022, or a chmod by hand, leaves them.
        File.SetUnixFileMode(site.KeysFolder, (UnixFileMode)Convert.ToInt32("755", 8));
        foreach (var k in Directory.GetFiles(site.KeysFolder, "*.xml")) File.SetUnixFileMode(k, (UnixFileMode)Convert.ToInt32("644", 8));

        await site.StartAgainAsync();

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.All(Directory.GetFiles(site.KeysFolder, "*.xml"), k => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(k)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(site.KeysFolder));
    }
}
