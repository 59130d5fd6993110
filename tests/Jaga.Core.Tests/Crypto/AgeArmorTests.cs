using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Crypto;

namespace Jaga.Core.Tests.Crypto;

/// <summary>age's ASCII armor: what Jaga writes is the strict form (and the age CLI reads it), what the CLI writes Jaga reads.</summary>
public sealed class AgeArmorTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-age-armor-").FullName;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(47)]
    [InlineData(48)]
    [InlineData(65_536)]
    [InlineData(200_000)]
    public void An_armored_file_is_strict_pem_and_round_trips_with_or_without_detection(int size)
    {
        var (identity, recipient) = AgeKeys.Generate();
        var plain = RandomNumberGenerator.GetBytes(size);
        var armored = AgeBytes.Encrypt(plain, s => Age.EncryptTo(s, [recipient], armor: true));
        var lines = Encoding.ASCII.GetString(armored).Split('\n');
        Assert.Equal("-----BEGIN AGE ENCRYPTED FILE-----", lines[0]);
        Assert.Equal("-----END AGE ENCRYPTED FILE-----", lines[^2]);
        Assert.Equal("", lines[^1]);
        var body = lines[1..^2];
        Assert.All(body[..^1], l => Assert.Equal(64, l.Length));
        Assert.InRange(body[^1].Length, 1, 64);
        Assert.Equal(plain, AgeBytes.Decrypt(armored, s => Age.DecryptFrom(s, [identity])));
        Assert.Equal(plain, AgeBytes.Decrypt(armored, s => Age.DecryptFrom(s, [identity], armored: true)));
        var e = Assert.Throws<AgeException>(() => AgeBytes.Decrypt(armored, s => Age.DecryptFrom(s, [identity], armored: false)));
        Assert.Equal(AgeFailure.Header, e.Failure);
    }

    [Fact]
    public void A_passphrase_file_can_be_armored_too()
    {
        var plain = RandomNumberGenerator.GetBytes(70_000);
        var armored = AgeBytes.Encrypt(plain, s => Age.EncryptTo(s, "kata sandi", workFactor: 10, armor: true));
        Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----\n", Encoding.ASCII.GetString(armored), StringComparison.Ordinal);
        Assert.Equal(plain, AgeBytes.Decrypt(armored, s => Age.DecryptFrom(s, "kata sandi")));
    }

    [Fact]
    public async Task Written_asynchronously_the_armor_is_the_same_strict_form()
    {
        var (identity, recipient) = AgeKeys.Generate();
        var plain = RandomNumberGenerator.GetBytes(100_000);
        using var output = new MemoryStream();
        await using (var enc = Age.EncryptTo(output, [recipient], armor: true))
        {
            for (var i = 0; i < plain.Length; i += 9_999) await enc.WriteAsync(plain.AsMemory(i, Math.Min(9_999, plain.Length - i)));
        }
        Assert.EndsWith("\n-----END AGE ENCRYPTED FILE-----\n", Encoding.ASCII.GetString(output.ToArray()), StringComparison.Ordinal);
        Assert.Equal(plain, AgeBytes.Decrypt(output.ToArray(), s => Age.DecryptFrom(s, [identity], armored: true)));
    }

    [Trait("Category", "Integration")]
    [Fact]
    public void What_jaga_armors_the_age_cli_decrypts_and_what_age_a_writes_jaga_decrypts()
    {
        var keyFile = Path.Combine(dir, "key.txt");
        AgeBytes.Run("age-keygen", "-o", keyFile);
        var identity = File.ReadAllLines(keyFile).Single(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal));
        var recipient = AgeKeys.Recipient(AgeKeys.PublicKey(AgeKeys.ParseIdentity(identity)));
        var plain = RandomNumberGenerator.GetBytes(150_000);

        var ours = Path.Combine(dir, "ours.age");
        File.WriteAllBytes(ours, AgeBytes.Encrypt(plain, s => Age.EncryptTo(s, [recipient], armor: true)));
        AgeBytes.Run("age", "-d", "-i", keyFile, "-o", Path.Combine(dir, "ours"), ours);
        Assert.Equal(plain, File.ReadAllBytes(Path.Combine(dir, "ours")));

        File.WriteAllBytes(Path.Combine(dir, "plain"), plain);
        var theirs = Path.Combine(dir, "theirs.age");
        AgeBytes.Run("age", "-a", "-r", recipient, "-o", theirs, Path.Combine(dir, "plain"));
        Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----", File.ReadAllText(theirs), StringComparison.Ordinal);
        Assert.Equal(plain, AgeBytes.Decrypt(File.ReadAllBytes(theirs), s => Age.DecryptFrom(s, [identity])));
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
