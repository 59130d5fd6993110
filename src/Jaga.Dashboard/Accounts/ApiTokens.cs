using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Ports;

namespace Jaga.Dashboard.Accounts;

/// <summary>API tokens: 256 random bits shown once, kept only as their SHA-256.</summary>
public static class ApiTokens
{
    /// <summary>What every token starts with, so a secret scanner can tell a leaked one.</summary>
    public const string Prefix = "jaga_";

    /// <summary>A new token and the record to store for it.</summary>
    public static (string Token, ApiToken Record) Create(string name, DashboardRole role, DateTimeOffset now)
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        // 48 bits: two of a million tokens share an id with odds below 2 in a million (4 bytes made a clash, refused by
        // the store's key, likely within a few thousand tokens).
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        return (token, new ApiToken(id, name, role, Hash(token), now, null, null));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
