using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Ports;

namespace Jaga.Dashboard.Security;

/// <summary>The principal of a signed-in user or a token: its name and every role its role includes, so
/// <c>RequireRole("operator")</c> admits an admin too.</summary>
internal static class DashboardClaims
{
    public const string Cookie = "jaga.cookie";
    public const string Bearer = "jaga.bearer";
    public const string Either = "jaga";

    /// <summary>The claim that ties a sign-in cookie to the password it was made with.</summary>
    public const string StampClaim = "jaga.stamp";

    public static ClaimsPrincipal Principal(string name, DashboardRole role, string scheme, string? stamp = null) =>
        new(new ClaimsIdentity([
            new Claim(ClaimTypes.Name, name),
            .. role.Including().Select(r => new Claim(ClaimTypes.Role, r.Word())),
            .. stamp is null ? Array.Empty<Claim>() : [new Claim(StampClaim, stamp)],
        ], scheme));

    /// <summary>The first 16 hex digits of the SHA-256 of a stored password hash: a new password (<c>jaga user passwd</c>)
    /// changes it, so the cookies of the old one stop working; the hash itself never goes into a cookie.</summary>
    public static string Stamp(string passwordHash) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)))[..16];

    /// <summary>The highest role the principal holds.</summary>
    public static DashboardRole? Role(ClaimsPrincipal user) =>
        Enum.GetValues<DashboardRole>().Reverse().Cast<DashboardRole?>().FirstOrDefault(r => user.IsInRole(r!.Value.Word()));
}
