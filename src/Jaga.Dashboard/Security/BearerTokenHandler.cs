using System.Text.Encodings.Web;
using Jaga.Dashboard.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jaga.Dashboard.Security;

/// <summary><c>Authorization: Bearer TOKEN</c> for <c>/api</c>: the token's SHA-256 is looked up in the store; a revoked or
/// unknown token authorises nothing. Its last use is recorded at most once a minute.</summary>
internal sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDashboardState state)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan UseGrain = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var found = await state.Store.Tokens.FindAsync(ApiTokens.Hash(token), Context.RequestAborted);
        if (found is null || found.Revoked is not null) return AuthenticateResult.Fail("unknown or revoked token");
        var now = TimeProvider.GetUtcNow();
        if (found.LastUsed is not { } used || now - used >= UseGrain) await state.Store.Tokens.UsedAsync(found.Id, now, Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(DashboardClaims.Principal("token:" + found.Name, found.Role, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
