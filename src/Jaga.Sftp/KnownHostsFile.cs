using System.Security.Cryptography;
using System.Text;

namespace Jaga.Sftp;

/// <summary>The keys an OpenSSH known_hosts file lists for one host: plain entries (<c>host</c>, <c>[host]:port</c>,
/// comma-separated, with <c>*</c>/<c>?</c> wildcards and <c>!</c> negations) and hashed ones (<c>|1|salt|hash</c>,
/// what <c>ssh-keygen -H</c> writes). <c>@revoked</c> keys are remembered so they are refused; <c>@cert-authority</c>
/// lines are skipped, since host certificates are not checked here.</summary>
internal sealed class KnownHostsFile
{
    private KnownHostsFile(string path, bool exists, IReadOnlyList<(string Type, byte[] Key)> keys, IReadOnlyList<byte[]> revoked)
    {
        Path = path;
        Exists = exists;
        Keys = keys;
        Revoked = revoked;
    }

    public string Path { get; }

    public bool Exists { get; }

    /// <summary>The key type and public key blob of every entry for the host.</summary>
    public IReadOnlyList<(string Type, byte[] Key)> Keys { get; }

    public IReadOnlyList<byte[]> Revoked { get; }

    /// <summary>Reads the entries for <paramref name="hostName"/> (as <see cref="SftpTarget.KnownHostsName"/> writes it).
    /// A missing file lists nothing: the host is then unknown, and the error says how to pin it.</summary>
    public static KnownHostsFile Read(string path, string hostName)
    {
        if (!File.Exists(path)) return new KnownHostsFile(path, false, [], []);
        var keys = new List<(string, byte[])>();
        var revoked = new List<byte[]>();
        foreach (var raw in File.ReadLines(path))
        {
            var fields = raw.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0].StartsWith('#')) continue;
            var marker = fields[0].StartsWith('@') ? fields[0] : null;
            if (marker is not null) fields = fields[1..];
            if (fields.Length < 3 || marker is "@cert-authority" || !Matches(fields[0], hostName)) continue;
            if (!TryBase64(fields[2], out var key)) continue;
            if (marker is "@revoked") revoked.Add(key);
            else if (marker is null) keys.Add((fields[1], key));
        }
        return new KnownHostsFile(path, true, keys, revoked);
    }

    /// <summary>True when <paramref name="patterns"/> (the first field of a line) names <paramref name="hostName"/>.</summary>
    internal static bool Matches(string patterns, string hostName)
    {
        if (patterns.StartsWith("|1|", StringComparison.Ordinal)) return HashedMatches(patterns, hostName);
        var matched = false;
        foreach (var pattern in patterns.Split(','))
        {
            var negated = pattern.StartsWith('!');
            if (!Glob(negated ? pattern[1..] : pattern, hostName)) continue;
            // A negated match rules the line out whatever else it lists, as in ssh.
            if (negated) return false;
            matched = true;
        }
        return matched;
    }

    /// <summary>|1|base64(salt)|base64(HMAC-SHA1(salt, host))</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "OpenSSH defines hashed known_hosts entries with HMAC-SHA1; it only hides host names.")]
    private static bool HashedMatches(string field, string hostName)
    {
        var parts = field.Split('|');
        if (parts.Length != 4 || !TryBase64(parts[2], out var salt) || !TryBase64(parts[3], out var hash)) return false;
        var mine = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(hostName));
        return CryptographicOperations.FixedTimeEquals(mine, hash);
    }

    private static bool Glob(string pattern, string text)
    {
        pattern = pattern.ToLowerInvariant();
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t])) { p++; t++; }
            else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = t; }
            else if (star >= 0) { p = star + 1; t = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text, bytes, out var n))
        {
            bytes = bytes[..n];
            return true;
        }
        bytes = [];
        return false;
    }
}
