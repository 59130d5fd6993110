namespace Jaga.Secrets.Tests;

/// <summary>Fake secrets made when a test runs, never written in a source file: a scan of Jaga's own repository must not
/// find its tests' secrets (docs/secrets.md), and a literal token in a test would be one.</summary>
internal static class Fake
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary><paramref name="count"/> characters of <paramref name="alphabet"/>, the same for the same seed.</summary>
    public static string Chars(int count, string alphabet = Alnum, int seed = 7)
    {
        var random = new Random(seed);
        return string.Concat(Enumerable.Range(0, count).Select(_ => alphabet[random.Next(alphabet.Length)]));
    }

    public static string Token(string prefix, int count, string alphabet = Alnum, int seed = 7) => prefix + Chars(count, alphabet, seed);

    /// <summary>A PEM block with a random body (not a key, but shaped like one).</summary>
    public static string Pem(string kind = "RSA") =>
        $"-----BEGIN {kind} PRIVATE" + " KEY-----\n" + string.Join("\n", Enumerable.Range(0, 4).Select(i => Chars(64, Alnum + "+/", i))) +
        $"\n-----END {kind} PRIVATE" + " KEY-----\n";

    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";
    public const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
}
