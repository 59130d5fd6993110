using System.Security.Cryptography;
using Jaga.Core.Ports;
using Microsoft.AspNetCore.Identity;

namespace Jaga.Dashboard.Accounts;

/// <summary>Dashboard passwords, hashed by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a salt
/// and an iteration count it raises over time), never by hand.</summary>
public static class Passwords
{
    /// <summary>The shortest password <c>jaga user add</c> takes.</summary>
    public const int MinLength = 12;

    private static readonly PasswordHasher<DashboardUser> Hasher = new();

    /// <summary>A hash of a password nobody knows: checked against when the name is unknown, so a wrong name takes as long
    /// as a wrong password and the answer does not tell which names exist.</summary>
    private static readonly string Decoy = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>Whether <paramref name="password"/> is the one hashed, and whether the hash should be made again with
    /// today's parameters.</summary>
    public static (bool Right, bool Rehash) Verify(string? hash, string password)
    {
        var result = Hasher.VerifyHashedPassword(null!, hash ?? Decoy, password);
        return hash is null ? (false, false) : (result != PasswordVerificationResult.Failed, result == PasswordVerificationResult.SuccessRehashNeeded);
    }

    /// <summary>A random password for the first admin: 120 bits in 24 letters and digits that are easy to copy.</summary>
    public static string Random()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 24);
    }
}
