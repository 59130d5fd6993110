using System.Net;
using Jaga.Core.Ports;
using Jaga.Dashboard.Accounts;
using Jaga.Dashboard.Security;

namespace Jaga.Dashboard.Tests;

/// <summary>The dashboard's security promises, each against the real host: nothing without a session (pages go to sign-in,
/// <c>/api</c> answers 401), the wrong role is 403, a form without its anti-forgery token is 400, every response carries the
/// security headers, the sign-in cookie is HttpOnly and SameSite=Strict, and no page shows a secret of the plan.</summary>
public sealed class SecurityMatrixTests : IAsyncLifetime
{
    private DashboardSite site = null!;

    public async Task InitializeAsync() => site = await DashboardSite.StartAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    public static TheoryData<string> Pages => ["/", "/users", "/index", "/anything-else",
        "/log", "/log?level=WARN&text=x", "/log/verify",
        "/monitoring",
        "/emergency", "/emergency/run?Runbook=x", "/emergency/approve",
        "/backups", "/backups?all=db",
        "/updates", "/checklist"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_without_a_session_redirects_to_sign_in(string path)
    {
        using var browser = new Browser(site.Url);

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/status")]
    [InlineData("/api/checks")]
    public async Task Api_without_a_token_or_with_a_revoked_or_made_up_one_is_401(string path)
    {
        var token = await site.AddTokenAsync("ci", DashboardRole.Viewer);
        var id = (await site.Store.Tokens.ListAsync()).Single().Id;
        Assert.True(await site.Store.Tokens.RevokeAsync(id, site.Clock.GetUtcNow()));
        using var http = new HttpClient { BaseAddress = site.Url };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        foreach (var bearer in new[] { token, "jaga_made-up" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Authorization = new("Bearer", bearer);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task A_viewer_token_reads_the_api_and_its_use_is_recorded_but_the_admin_page_is_403()
    {
        var token = await site.AddTokenAsync("ci", DashboardRole.Viewer);
        using var http = new HttpClient { BaseAddress = site.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        using var status = await http.GetAsync(new Uri("/api/status", UriKind.Relative));
        using var users = await http.GetAsync(new Uri("/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("application/json", status.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"jobs\"", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(site.Clock.GetUtcNow(), (await site.Store.Tokens.ListAsync()).Single().LastUsed);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
    }

    [Fact]
    public async Task An_operator_or_admin_token_reads_but_acts_on_no_page()
    {
        using var http = new HttpClient { BaseAddress = site.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await site.AddTokenAsync("script", DashboardRole.Admin));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/status", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/backups", UriKind.Relative))).StatusCode);
        foreach (var acting in new[] { "/users", "/log/verify", "/emergency/run?Runbook=x", "/emergency/approve" })
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new Uri(acting, UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("Back up now", await http.GetStringAsync(new Uri("/backups", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DashboardRole.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(DashboardRole.Operator, HttpStatusCode.Forbidden)]
    [InlineData(DashboardRole.Admin, HttpStatusCode.OK)]
    public async Task The_users_page_is_for_admins_only(DashboardRole role, HttpStatusCode expected)
    {
        await site.AddUserAsync("sari", role);
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("sari", DashboardSite.Password);

        using var response = await browser.GetAsync("/users");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_400()
    {
        await site.AddUserAsync("sari", DashboardRole.Admin);
        using var browser = new Browser(site.Url);

        using var signIn = await browser.SignInAsync("sari", DashboardSite.Password, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        await browser.SignInOkAsync("sari", DashboardSite.Password);
        using var signOut = await browser.PostFormAsync("/", "/signout", new Dictionary<string, string>(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_and_out_are_each_one_line_in_the_log_with_the_user_and_sign_out_ends_the_session()
    {
        await site.AddUserAsync("sari", DashboardRole.Viewer);
        using var browser = new Browser(site.Url);

        await browser.SignInOkAsync("sari", DashboardSite.Password);
        using var signOut = await browser.PostFormAsync("/", "/signout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        Assert.Single(site.LogLines(), l => l.Contains("[INFO] sari signed in to the dashboard from 127.0.0.1", StringComparison.Ordinal));
        Assert.Single(site.LogLines(), l => l.Contains("[INFO] sari signed out of the dashboard", StringComparison.Ordinal));
        Assert.DoesNotContain(site.LogLines(), l => l.Contains(DashboardSite.Password, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/")]
    [InlineData("/api/status")]
    [InlineData("/assets/jaga.css")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var browser = new Browser(site.Url);

        using var response = await browser.GetAsync(path);

        Assert.Equal(SecurityHeaders.Policy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_strict_and_not_secure_on_plain_http()
    {
        await site.AddUserAsync("sari", DashboardRole.Viewer);
        using var browser = new Browser(site.Url);

        using var response = await browser.SignInAsync("sari", DashboardSite.Password);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("jaga.signin=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure;", cookie + ";", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task No_page_shows_a_secret_of_the_plan_and_the_overview_has_a_card_per_pillar()
    {
        await site.AddUserAsync("sari", DashboardRole.Admin);
        var token = await site.AddTokenAsync("ci", DashboardRole.Viewer);
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("sari", DashboardSite.Password);
        using var api = new HttpClient { BaseAddress = site.Url };
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var overview = await browser.PageAsync("/");
        string[] seen = [overview, await browser.PageAsync("/users"), await browser.PageAsync("/signin"),
            await api.GetStringAsync(new Uri("/api/status", UriKind.Relative)), await api.GetStringAsync(new Uri("/api/checks", UriKind.Relative))];

        Assert.All(seen, html => Assert.DoesNotContain(DashboardSite.Secret, html, StringComparison.Ordinal));
        Assert.All(seen, html => Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase));
        foreach (var pillar in new[] { "Backups", "Monitoring", "Updates", "Emergency", "Maintenance log" })
            Assert.Contains($">{pillar}</h2>", overview, StringComparison.Ordinal);
        Assert.Contains("not checked yet: cron", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_users_session_stops_at_its_next_request()
    {
        await site.AddUserAsync("budi", DashboardRole.Viewer);
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("budi", DashboardSite.Password);

        Assert.True(await site.Store.Users.RemoveAsync("budi"));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_changed_password_ends_the_sessions_signed_in_with_the_old_one()
    {
        await site.AddUserAsync("budi", DashboardRole.Viewer);
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("budi", DashboardSite.Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        Assert.True(await site.Store.Users.SetPasswordAsync("budi", Passwords.Hash("a new password of budi")));

        using var after = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin?ReturnUrl=", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
