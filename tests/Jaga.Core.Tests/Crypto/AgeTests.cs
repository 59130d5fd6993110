using System.Diagnostics;
using System.Security.Cryptography;
using Jaga.Core.Crypto;

namespace Jaga.Core.Tests.Crypto;

/// <summary>age v1: round trips at the chunk boundaries, tampering, and interoperability with the real <c>age</c> CLI.</summary>
public sealed class AgeTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-age-").FullName;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(200_000)]
    public void Recipient_round_trip_at_chunk_boundaries(int size)
    {
        var (identity, recipient) = AgeKeys.Generate();
        var plain = RandomNumberGenerator.GetBytes(size);
        var cipher = Encrypt(plain, s => Age.EncryptTo(s, [recipient]));
        Assert.Equal(plain, Decrypt(cipher, s => Age.DecryptFrom(s, [identity])));
    }

    [Fact]
    public void Passphrase_round_trip_and_wrong_passphrase_is_refused()
    {
        var plain = RandomNumberGenerator.GetBytes(70_000);
        var cipher = Encrypt(plain, s => Age.EncryptTo(s, "kata sandi rahasia", workFactor: 10));
        Assert.Equal(plain, Decrypt(cipher, s => Age.DecryptFrom(s, "kata sandi rahasia")));
        var e = Assert.Throws<AgeException>(() => Decrypt(cipher, s => Age.DecryptFrom(s, "salah")));
        Assert.Equal("wrong passphrase", e.Message);
    }

    [Fact]
    public void A_flipped_payload_byte_a_cut_tail_and_an_altered_header_are_all_refused()
    {
        var (identity, recipient) = AgeKeys.Generate();
        var cipher = Encrypt(RandomNumberGenerator.GetBytes(100_000), s => Age.EncryptTo(s, [recipient]));

        var flipped = (byte[])cipher.Clone();
        flipped[^100] ^= 1;
        Assert.Throws<AgeException>(() => Decrypt(flipped, s => Age.DecryptFrom(s, [identity])));

        var cut = cipher[..(cipher.Length - 40_000)];
        Assert.Throws<AgeException>(() => Decrypt(cut, s => Age.DecryptFrom(s, [identity])));

        var twoRecipients = Encrypt([1, 2, 3], s => Age.EncryptTo(s, [recipient, AgeKeys.Generate().Recipient]));
        var text = System.Text.Encoding.ASCII.GetString(twoRecipients);
        var altered = System.Text.Encoding.ASCII.GetBytes(text.Replace("-> X25519", "-> X25519 extra", StringComparison.Ordinal));
        Assert.Throws<AgeException>(() => Decrypt(altered, s => Age.DecryptFrom(s, [identity])));
    }

    [Fact]
    public void Another_identity_cannot_decrypt()
    {
        var cipher = Encrypt([1, 2, 3], s => Age.EncryptTo(s, [AgeKeys.Generate().Recipient]));
        var e = Assert.Throws<AgeException>(() => Decrypt(cipher, s => Age.DecryptFrom(s, [AgeKeys.Generate().Identity])));
        Assert.Contains("no identity matches", e.Message);
    }

    [Fact]
    public void Recipient_strings_round_trip_and_bad_ones_are_refused()
    {
        var (identity, recipient) = AgeKeys.Generate();
        Assert.StartsWith("age1", recipient, StringComparison.Ordinal);
        Assert.StartsWith("AGE-SECRET-KEY-1", identity, StringComparison.Ordinal);
        Assert.True(AgeKeys.TryParseRecipient(recipient, out var pub));
        Assert.True(AgeKeys.TryParseIdentity(identity, out var secret));
        Assert.Equal(pub, AgeKeys.PublicKey(secret));
        Assert.False(AgeKeys.TryParseRecipient(recipient[..^1] + (recipient[^1] == 'q' ? 'p' : 'q'), out _));
        Assert.False(AgeKeys.TryParseRecipient(recipient.ToUpperInvariant(), out _));
    }

    [Trait("Category", "Integration")]
    [Fact]
    public void What_jaga_encrypts_the_age_cli_decrypts()
    {
        var keyFile = Path.Combine(dir, "key.txt");
        Run("age-keygen", ["-o", keyFile]);
        var identity = File.ReadAllLines(keyFile).Single(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal));
        Assert.True(AgeKeys.TryParseIdentity(identity, out var secret));
        var plain = RandomNumberGenerator.GetBytes(150_000);
        var encrypted = Path.Combine(dir, "data.age");
        File.WriteAllBytes(encrypted, Encrypt(plain, s => Age.EncryptTo(s, [AgeKeys.Recipient(AgeKeys.PublicKey(secret))])));
        var decrypted = Path.Combine(dir, "data");
        Run("age", ["-d", "-i", keyFile, "-o", decrypted, encrypted]);
        Assert.Equal(plain, File.ReadAllBytes(decrypted));
    }

    [Trait("Category", "Integration")]
    [Fact]
    public void What_the_age_cli_encrypts_jaga_decrypts()
    {
        var (identity, recipient) = AgeKeys.Generate();
        var plain = RandomNumberGenerator.GetBytes(131_072);
        var input = Path.Combine(dir, "plain");
        File.WriteAllBytes(input, plain);
        var encrypted = Path.Combine(dir, "plain.age");
        Run("age", ["-r", recipient, "-o", encrypted, input]);
        Assert.Equal(plain, Decrypt(File.ReadAllBytes(encrypted), s => Age.DecryptFrom(s, [identity])));
    }

    [Trait("Category", "Integration")]
    [Fact]
    public void A_passphrase_file_jaga_writes_the_age_cli_decrypts()
    {
        var plain = RandomNumberGenerator.GetBytes(100_000);
        var encrypted = Path.Combine(dir, "pass.age");
        File.WriteAllBytes(encrypted, Encrypt(plain, s => Age.EncryptTo(s, "correct horse battery", workFactor: 14)));
        var decrypted = Path.Combine(dir, "pass.out");
        OnTerminal($"age -d -o {decrypted} {encrypted}", "correct horse battery");
        Assert.Equal(plain, File.ReadAllBytes(decrypted));
    }

    [Trait("Category", "Integration")]
    [Fact]
    public void A_passphrase_file_the_age_cli_writes_jaga_decrypts()
    {
        var plain = RandomNumberGenerator.GetBytes(70_000);
        var input = Path.Combine(dir, "plain");
        File.WriteAllBytes(input, plain);
        var encrypted = Path.Combine(dir, "plain.age");
        // age asks twice: the passphrase and its confirmation.
        OnTerminal($"age -p -o {encrypted} {input}", "correct horse battery", "correct horse battery");
        Assert.Equal(plain, Decrypt(File.ReadAllBytes(encrypted), s => Age.DecryptFrom(s, "correct horse battery")));
    }

    /// <summary>age reads passphrases only from a terminal: <c>script</c> gives it one, and types the lines when asked.</summary>
    private static void OnTerminal(string command, params string[] lines)
    {
        var psi = new ProcessStartInfo("script") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-qec", command, "/dev/null" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        foreach (var line in lines)
        {
            // Typed only once age has opened the terminal and asked, as a person would.
            Thread.Sleep(700);
            p.StandardInput.Write(line + "\n");
            p.StandardInput.Flush();
        }
        Assert.True(p.WaitForExit(30_000), "age did not finish");
        Assert.True(p.ExitCode == 0, $"age failed: {output.Result}");
    }

    private static byte[] Encrypt(byte[] plain, Func<Stream, Stream> open)
    {
        using var output = new MemoryStream();
        using (var enc = open(output))
        {
            // Uneven writes, to cross chunk boundaries mid-call.
            for (var i = 0; i < plain.Length; i += 10_007) enc.Write(plain, i, Math.Min(10_007, plain.Length - i));
        }
        return output.ToArray();
    }

    private static byte[] Decrypt(byte[] cipher, Func<Stream, Stream> open)
    {
        using var input = new MemoryStream(cipher);
        using var dec = open(input);
        using var result = new MemoryStream();
        dec.CopyTo(result, 4096);
        return result.ToArray();
    }

    private static void Run(string tool, string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {err}");
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
