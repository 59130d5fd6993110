using System.Security.Claims;
using Jaga.Core.Ports;

namespace Jaga.Dashboard.Security;

/// <summary>The principal of a signed-in user or a token: its name and every role its role includes, so
/// <c>RequireRole("operator")</c> admits an admin too.</summary>
internal static class DashboardClaims
{
    public const string Cookie = "jaga.cookie";
    public const string Bearer = "jaga.bearer";
    public const string Either = "jaga";

    public static ClaimsPrincipal Principal(string name, DashboardRole role, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), .. role.Including().Select(r => new Claim(ClaimTypes.Role, r.Word()))], scheme));

    /// <summary>The highest role the principal holds.</summary>
    public static DashboardRole? Role(ClaimsPrincipal user) =>
        Enum.GetValues<DashboardRole>().Reverse().Cast<DashboardRole?>().FirstOrDefault(r => user.IsInRole(r!.Value.Word()));
}
