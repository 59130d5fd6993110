using Jaga.Core.Ports;
using Jaga.Dashboard.Accounts;
using Jaga.Dashboard.Api;
using Jaga.Dashboard.Log;
using Jaga.Dashboard.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

namespace Jaga.Dashboard;

/// <summary>Adds the dashboard to a host: <see cref="AddJagaDashboard"/> registers its services, <see cref="UseJagaDashboard"/>
/// puts security headers, authentication and authorization in the pipeline, <see cref="MapJagaDashboard"/> maps its pages,
/// assets and <c>/api</c>. Everything the host maps is behind sign-in unless it says <c>AllowAnonymous</c>.</summary>
public static class DashboardServices
{
    public const string SignInPath = "/signin";

    public static IServiceCollection AddJagaDashboard(this IServiceCollection services, DashboardOptions options, Func<IServiceProvider, IDashboardState> state)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton(state);
        services.AddSingleton(sp => new SignInDesk(sp.GetRequiredService<IDashboardState>(), options.Clock));
        services.AddSingleton<SignInLimiter>();
        services.AddSingleton<PageWork>();
        // The log page's "verify chain": owned by the host, which stops it and waits for it at shutdown.
        services.AddSingleton<ChainChecks>();
        services.AddHostedService(sp => sp.GetRequiredService<ChainChecks>());
        services.AddSingleton<Readiness.ChecklistDesk>();
        services.AddHostedService(sp => sp.GetRequiredService<Readiness.ChecklistDesk>());
        var assembly = typeof(DashboardServices).Assembly;
        services.AddRazorPages(o => o.Conventions.AllowAnonymousToPage("/SignIn"))
            .ConfigureApplicationPartManager(m =>
            {
                // Only the dashboard's pages: the host's own assemblies hold none.
                m.ApplicationParts.Clear();
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly)) m.ApplicationParts.Add(part);
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "jaga.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddDataProtection().SetApplicationName("jaga");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new PrivateKeyFolder(options.KeysFolder));
        services.AddAuthentication(DashboardClaims.Either)
            .AddPolicyScheme(DashboardClaims.Either, null, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? DashboardClaims.Bearer : DashboardClaims.Cookie)
            .AddCookie(DashboardClaims.Cookie, o =>
            {
                o.TimeProvider = options.Clock;
                o.Cookie.Name = "jaga.signin";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.SignInLasts;
                o.SlidingExpiration = true;
                o.LoginPath = SignInPath;
                o.AccessDeniedPath = SignInPath;
                o.Events.OnRedirectToLogin = c => Refuse(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Refuse(c, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = StillAllowedAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(DashboardClaims.Bearer, o => o.TimeProvider = options.Clock);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(DashboardClaims.Either).RequireAuthenticatedUser().Build())
            .AddPolicy(DashboardPolicies.Viewer, p => p.AddAuthenticationSchemes(DashboardClaims.Either).RequireRole(DashboardRole.Viewer.Word()))
            // Acting (back up, run, approve, verify, manage users) takes a person signed in with the form: an API token, whatever
            // its role, only reads (/api, /metrics, pages), so a script's token cannot approve a step as a second person.
            .AddPolicy(DashboardPolicies.Operator, p => p.AddAuthenticationSchemes(DashboardClaims.Either).RequireRole(DashboardRole.Operator.Word()).RequireAssertion(SignedIn))
            .AddPolicy(DashboardPolicies.Admin, p => p.AddAuthenticationSchemes(DashboardClaims.Either).RequireRole(DashboardRole.Admin.Word()).RequireAssertion(SignedIn));
        return services;
    }

    private static bool SignedIn(AuthorizationHandlerContext context) => context.User.Identity?.AuthenticationType == DashboardClaims.Cookie;

    /// <summary>Security headers on every response, forwarded headers from a loopback proxy, then routing, authentication and
    /// authorization. Call before mapping
    /// anything else, so every endpoint of the host passes through them.</summary>
    public static WebApplication UseJagaDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(SecurityHeaders.Add);
        // Behind a TLS proxy on this machine (docs/deploy.md): the request's scheme and client address are the proxy's
        // headers, so cookies are Secure and the sign-in limit counts per client. Only loopback proxies are trusted.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization, so a request without a session is sent away before it waits for a turn.
        var work = app.Services.GetRequiredService<PageWork>();
        app.Use(work.Invoke);
        return app;
    }

    public static WebApplication MapJagaDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages().WithMetadata(PageWork.Mark);
        Assets.Map(app);
        ApiEndpoints.Map(app);
        return app;
    }

    /// <summary>A page asked for without a session goes to sign-in; <c>/api</c> and <c>/metrics</c> answer 401 (or 403 for a
    /// role too low), so a script or Prometheus gets a status, not a form.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> c, int status)
    {
        var forMachines = c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/metrics");
        if (status == StatusCodes.Status401Unauthorized && !forMachines) c.Response.Redirect(c.RedirectUri);
        else c.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>A removed user's cookie stops working at once, and so does one signed in with a password since changed; a
    /// changed role takes effect on the next request.</summary>
    private static async Task StillAllowedAsync(CookieValidatePrincipalContext c)
    {
        var state = c.HttpContext.RequestServices.GetRequiredService<IDashboardState>();
        var name = c.Principal?.Identity?.Name;
        var user = name is null ? null : await state.Store.Users.GetAsync(name, c.HttpContext.RequestAborted);
        var stamp = user is null ? null : DashboardClaims.Stamp(user.PasswordHash);
        if (user is null || c.Principal!.FindFirst(DashboardClaims.StampClaim)?.Value != stamp)
        {
            c.RejectPrincipal();
            await c.HttpContext.SignOutAsync(DashboardClaims.Cookie);
        }
        else if (DashboardClaims.Role(c.Principal) != user.Role)
        {
            c.ReplacePrincipal(DashboardClaims.Principal(user.Name, user.Role, DashboardClaims.Cookie, stamp));
        }
    }
}
