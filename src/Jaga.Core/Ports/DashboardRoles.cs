namespace Jaga.Core.Ports;

/// <summary>The words of <see cref="DashboardRole"/> as the CLI takes them and the stores keep them.</summary>
public static class DashboardRoles
{
    public static string Word(this DashboardRole role) => role switch
    {
        DashboardRole.Viewer => "viewer",
        DashboardRole.Operator => "operator",
        DashboardRole.Admin => "admin",
    };

    public static bool TryParse(string? word, out DashboardRole role)
    {
        foreach (var r in Enum.GetValues<DashboardRole>())
            if (string.Equals(r.Word(), word?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = r;
                return true;
            }
        role = default;
        return false;
    }

    /// <summary>Reads a stored word; anything else in the store is a bug or tampering.</summary>
    public static DashboardRole Parse(string word) =>
        TryParse(word, out var role) ? role : throw new InvalidDataException($"unknown dashboard role '{word}' in the state store");

    /// <summary>The roles <paramref name="role"/> includes: an admin is also an operator and a viewer.</summary>
    public static IEnumerable<DashboardRole> Including(this DashboardRole role) => Enum.GetValues<DashboardRole>().Where(r => r <= role);
}
