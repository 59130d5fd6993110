using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Jaga.Sftp;

/// <summary>Decides whether the key an SFTP server presents is the one the plan trusts: a pinned SHA256 fingerprint
/// (as <c>ssh-keygen -lf</c> prints it) when the plan has one, otherwise the entries of a known_hosts file. There is no
/// "accept anything" mode: a backup sent to the wrong server is a leak.</summary>
internal sealed class HostKeyPolicy
{
    private const string Sha256Prefix = "SHA256:";
    private readonly string destination;
    private readonly SftpTarget target;
    private readonly string? pinned;
    private readonly KnownHostsFile? knownHosts;

    private HostKeyPolicy(string destination, SftpTarget target, string? pinned, KnownHostsFile? knownHosts)
    {
        this.destination = destination;
        this.target = target;
        this.pinned = pinned;
        this.knownHosts = knownHosts;
    }

    /// <summary>Pins <paramref name="fingerprint"/> (<c>SHA256:base64</c>, the prefix may be left out).</summary>
    public static HostKeyPolicy Pinned(string destination, SftpTarget target, string fingerprint, Func<string, Exception> fail)
    {
        var text = fingerprint.Trim();
        if (text.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase)) text = text[Sha256Prefix.Length..];
        text = text.TrimEnd('=');
        var padded = text + new string('=', (4 - text.Length % 4) % 4);
        var bytes = new byte[48];
        if (!Convert.TryFromBase64String(padded, bytes, out var n) || n != SHA256.HashSizeInBytes)
            throw fail($"fingerprint '{fingerprint}' is not a SHA256 host key fingerprint: write it as ssh-keygen -lf prints it, e.g. SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
        return new HostKeyPolicy(destination, target, text, null);
    }

    /// <summary>Trusts the keys <paramref name="path"/> lists for the target host.</summary>
    public static HostKeyPolicy FromKnownHosts(string destination, SftpTarget target, string path) =>
        new(destination, target, null, KnownHostsFile.Read(path, target.KnownHostsName));

    /// <summary>The key types known_hosts lists for the host, so the server is asked for one of those (as ssh does);
    /// null when any type will do.</summary>
    public IReadOnlySet<string>? KeyTypes =>
        knownHosts is { Keys.Count: > 0 } ? knownHosts.Keys.Select(k => k.Type).ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>The OpenSSH fingerprint of a public key blob: <c>SHA256:</c> + unpadded base64 of its SHA-256.</summary>
    public static string FingerprintOf(byte[] hostKey) => Sha256Prefix + Convert.ToBase64String(SHA256.HashData(hostKey)).TrimEnd('=');

    /// <summary>Null when <paramref name="hostKey"/> is trusted; otherwise why not, with the presented fingerprint and how to pin it.</summary>
    public string? Refusal(byte[] hostKey)
    {
        var fingerprint = FingerprintOf(hostKey);
        var type = KeyTypeOf(hostKey);
        var where = $"{target.Host}:{target.Port}";
        var presented = $"The server presented the {type} key {fingerprint}.";
        var howToPin = $"check it on the server (ssh-keygen -lf /etc/ssh/ssh_host_{ShortType(type)}_key.pub) and, if it matches, pin it with 'fingerprint: {fingerprint}' under destination '{destination}'";
        if (pinned is not null)
        {
            if (fingerprint == Sha256Prefix + pinned) return null;
            return $"{destination}: the host key of {where} is not the pinned one (fingerprint: {Sha256Prefix}{pinned}). {presented} " +
                $"If the server's key changed on purpose: {howToPin}; otherwise someone may be intercepting the connection.";
        }
        var known = knownHosts!;
        if (known.Revoked.Any(r => r.AsSpan().SequenceEqual(hostKey)))
            return $"{destination}: the host key of {where} is marked @revoked in {known.Path}. {presented}";
        if (known.Keys.Any(k => k.Key.AsSpan().SequenceEqual(hostKey))) return null;
        var line = $"{target.KnownHostsName} {type} {Convert.ToBase64String(hostKey)}";
        if (known.Keys.Count > 0)
            return $"{destination}: the host key of {where} does not match {known.Path}. {presented} " +
                $"If the server's key changed on purpose, replace its line in {known.Path} with: {line}; otherwise someone may be intercepting the connection.";
        var missing = known.Exists ? $"is not listed in {known.Path}" : $"cannot be checked: {known.Path} does not exist";
        return $"{destination}: the host key of {where} {missing}. {presented} To trust it, {howToPin}, or add this line to {known.Path}: {line}";
    }

    /// <summary>An SSH public key blob starts with its type as an SSH string (uint32 length, then ASCII).</summary>
    private static string KeyTypeOf(byte[] blob)
    {
        if (blob.Length < 4) return "unknown";
        var length = BinaryPrimitives.ReadUInt32BigEndian(blob);
        return length <= (uint)(blob.Length - 4) && length < 64 ? Encoding.ASCII.GetString(blob, 4, (int)length) : "unknown";
    }

    private static string ShortType(string type) => type switch
    {
        "ssh-ed25519" => "ed25519",
        "ssh-rsa" => "rsa",
        _ when type.StartsWith("ecdsa-", StringComparison.Ordinal) => "ecdsa",
        _ => "*",
    };
}
