using System.Text;
using Jaga.Core.Ledger;

namespace Jaga.Core.Tests.Ledger;

public sealed class SigningKeyTests
{
    private static readonly SigningKey Key = SigningKey.Generate();
    private static readonly string Head = Chains.Build(3)[2].Hash;
    private static readonly DateTimeOffset Time = new DateTimeOffset(2025, 11, 15, 2, 0, 0, TimeSpan.FromHours(7)).AddTicks(1_234_567);

    [Fact]
    public void Signed_checkpoint_verifies_with_the_same_key()
    {
        var checkpoint = Key.SignCheckpoint(3, Head, Time);

        Assert.True(Key.Verify(checkpoint));
        Assert.Equal((3L, Head, Key.KeyId), (checkpoint.Seq, checkpoint.Head, checkpoint.KeyId));
        Assert.Equal(new DateTimeOffset(2025, 11, 14, 19, 0, 0, 123, TimeSpan.Zero), checkpoint.Time);
    }

    [Fact]
    public void Signed_statement_is_four_lines_in_the_documented_form()
    {
        var statement = Checkpoint.Statement(3, Head, new DateTimeOffset(2025, 11, 14, 19, 0, 0, 123, TimeSpan.Zero));

        Assert.Equal($"jaga-checkpoint-v1\n3\n{Head}\n2025-11-14T19:00:00.123Z\n", Encoding.UTF8.GetString(statement));
    }

    [Fact]
    public void Forged_signature_fails()
    {
        var checkpoint = Key.SignCheckpoint(3, Head, Time);

        Assert.False(Key.Verify(checkpoint with { Signature = Key.Sign("something else"u8.ToArray()) }));
        Assert.False(Key.Verify(checkpoint with { Signature = "not base64!" }));
        Assert.False(Key.Verify(checkpoint with { Signature = "" }));
    }

    [Fact]
    public void Checkpoint_with_a_changed_statement_fails()
    {
        var checkpoint = Key.SignCheckpoint(3, Head, Time);

        Assert.False(Key.Verify(checkpoint with { Seq = 2 }));
        Assert.False(Key.Verify(checkpoint with { Head = Chains.Build(2)[1].Hash }));
        Assert.False(Key.Verify(checkpoint with { Time = checkpoint.Time.AddMilliseconds(1) }));
    }

    [Fact]
    public void Checkpoint_of_another_key_fails()
    {
        var other = SigningKey.Generate();
        var theirs = other.SignCheckpoint(3, Head, Time);

        Assert.NotEqual(Key.KeyId, other.KeyId);
        Assert.False(Key.Verify(theirs));
        Assert.False(Key.Verify(theirs with { KeyId = Key.KeyId }));
    }

    [Fact]
    public void Private_key_survives_a_pem_round_trip()
    {
        var pem = Key.PrivatePem();

        var back = SigningKey.FromPrivatePem(pem);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        Assert.EndsWith("-----END PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        Assert.True(back.CanSign);
        Assert.Equal(Key.KeyId, back.KeyId);
        Assert.Equal(Key.PublicKey, back.PublicKey);
        // Ed25519 signatures are deterministic: the same key signs the same statement identically.
        Assert.Equal(Key.SignCheckpoint(3, Head, Time), back.SignCheckpoint(3, Head, Time));
    }

    [Fact]
    public void Public_key_survives_a_pem_round_trip_and_can_only_verify()
    {
        var pem = Key.PublicPem();

        var verifier = SigningKey.FromPublicPem(pem);

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", pem, StringComparison.Ordinal);
        Assert.False(verifier.CanSign);
        Assert.Equal(Key.KeyId, verifier.KeyId);
        Assert.True(verifier.Verify(Key.SignCheckpoint(3, Head, Time)));
        Assert.Throws<InvalidOperationException>(() => verifier.Sign([1, 2, 3]));
    }

    [Fact]
    public void Pem_of_the_wrong_kind_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => SigningKey.FromPublicPem(Key.PrivatePem()));

        Assert.Equal("expected a PEM 'PUBLIC KEY', found 'PRIVATE KEY'", error.Message);
    }

    [Fact]
    public void Key_id_is_the_start_of_the_public_keys_sha256()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Key.PublicKey))[..16];

        Assert.Equal(expected, Key.KeyId);
        Assert.Equal(32, Key.PublicKey.Length);
    }
}
