using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Crypto;

namespace Jaga.Core.Tests.Crypto;

/// <summary>age's post-quantum hybrid recipients (age1pq1…, AGE-SECRET-KEY-PQ-1…, the mlkem768x25519 stanza) beyond what the
/// conformance vectors decrypt: Jaga's own encryption, the spec's example key pair, and what is refused. The age CLI on the
/// test machines (1.1.1) predates age 1.3 and cannot read these files, so the round trips are Jaga's alone; the vectors are
/// what ties Jaga to the reference.</summary>
public sealed class AgeHybridTests
{
    // The example key pair of c2sp.org/age, "The MLKEM768-X25519 (i.e. X-Wing) hybrid post-quantum recipient type".
    private const string SpecIdentity = "AGE-SECRET-KEY-PQ-1XX76JRALNLXDMEW0CRK45QMCCH4X06SE84UN3VPM33W6HWDX0H3SK3ZQFR";

    private const string SpecRecipient =
        "age1pq1x34nzsvr0rxjsgdn8zgyhfe8j7ceq5r9rdelkjuh3y235jzxshfg87pzf5zrqtzdxz95paef6caq5aapdmwjjqpjfdyxnzr2zampc3uxy0dg4z2n2gm9su72p0pc3u0jvev55l694v78snxg3yzvcl7yda0eyytqj6a0ec477lnhcy5hzpz4zq3pxanve4cn62gqj3pjy5lqj9c6kyj4v2z8alktn8zh99970x79gjkv7522hv9kfz35zsnxhsx8wwtmu9cy3ftzjgwcp4sshn3llnylnpdsyz5jm72vefv4x5vfwytrefxg4wq3mv42wcrvkj742479zrxzpvp2p3e9fed9f0739vcu80r7ma28qfhnvlv4gfzel9q654dj3zmuvvz893azhxdvs9fxd0r7jzchzcfcs5mkyyjxhw0n2z6dvp9yn9qfdp29h0azxqyjw6v7fhyuzj7zel0uq6j9rd7wgrpz7mf5dnj43jwsgvrc8qcnhy7tu6dkdujuxzkp9xj43xe8h92ktre2a3u3s8mm5mrp9nr9pwkgtz4mdlq9hgn4fps4k57ff6wddn2fy23t47sm20r8km8sd2pcyyafnet8f0dajsrlyjeah4n3mssr6aseevuuskdvq5lzguyvpgwpta742c6698vgutzqgny8usfg0w2he7kq5vyxjd0f9hqg8xk26y9e4th0gezq92q4cpp5p2y9hf5f2cje5l0c3sa3a2qxmm38pxxvhxh99yzmfz0zk7r2s64nnwjhkfgfr3gf8xnmppcgmaykvh5sh6g7vk9790rf8ws0axmr2t7z8aae5fq2029uvcn2ghgt4fu4wgwdc0k0cz52qkvwmuzj8p8k5jgf3xzk5zmrkavjekjrpeq408xz3zxazwkc6tyfmhayrkfpjhwtz5mp8j8guqe43k2q6m2kte03vrw27y3wmqyu5etmt9dnkwcnnpmu9gz9dekfhdevf42ucshphnrk38ra6hx8w5f8q5ru0xdhrjxmwqf6cused7zc5xvq43r0zscjglpwlptpwydhqw64xz7ptjdyeyzpq2zkxtmzg29gzjpvzva4d3l0cenn9xs297wf4y4ukwrunf57xj6pm7nvrkwvtrt8hwcmgv8x7ajw7258ugf9wvkmk4052ekg87tw5vnx8nq2swyzv77v8yqlwsenvamr0zssknwts8rrhfuwj7ykysnq9jxy0uv3kuyt22djszjdtvpz6d0s0kwh8ryynddzud92emeyvvyqktd0jtj7rvvg5gch25v8smlvny3kvn5gagyz475ze2y6q466xqmz2n3hs77lddeqyta2nch5k2u5yacuk9ywnwfdzvyejnucz724hj77hrrmakm7pr3kxsrxq22ejexlud9fy2kdqmkg5yncz7jm5wv2qjk5w5kvcpqsry2yqffh2la52dxfjkjq5rzhjzeyn6dupn0qwtyv7s4lwg3xdarsdlwe2y3tujy480y7z39q259fzx6jhd2j0f5hagqpcpees7hzc2yrk5cy788uk3s7qvp5cpepx24gvws3m2g433exgwppnkjscec8qu4y9z9r7vccexjcjaen42245lmgmxmuavg9alej92322gvvyy2t6267v09ch64y0m53jff0vjj96s0ypk60hr3jw4myd6m5hpn3xjstx7tl2szhpr5qe8jj08ydjc4wy2rch2fhuy3pdfjax5awe9j99ly5hkntzz9fe5zatgjvzdd0kgtxs25njnajyf6ssekp7gelxquusn4pt25czh3scj68kq79wdn5tgm6yvm9nzavrg043x3msnygf8dweknw5jmqd0uvny6ttsn09508k0c55zfnegrm9efhxpfqdkmhh6gjtqmwze9pyyzk3tlhl53k2ykx3qheyty7saeq0d3fzv49zc0k";

    [Fact]
    public void The_recipient_of_the_spec_example_identity_is_the_spec_example_recipient()
    {
        Assert.True(AgeKeys.TryParseHybridIdentity(SpecIdentity, out var seed));
        Assert.Equal(SpecRecipient, AgeKeys.HybridRecipient(AgeKeys.HybridPublicKey(seed)));
        Assert.True(AgeKeys.IsHybridRecipient(SpecRecipient));
        Assert.False(AgeKeys.TryParseRecipient(SpecRecipient, out _));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_encrypted_to_a_post_quantum_recipient_decrypts_with_its_identity_only(bool armor)
    {
        var (identity, recipient) = AgeKeys.GenerateHybrid();
        Assert.StartsWith("AGE-SECRET-KEY-PQ-1", identity, StringComparison.Ordinal);
        Assert.StartsWith("age1pq1", recipient, StringComparison.Ordinal);
        var plain = RandomNumberGenerator.GetBytes(150_000);
        var cipher = AgeBytes.Encrypt(plain, s => Age.EncryptTo(s, [recipient], armor));
        Assert.Equal(plain, AgeBytes.Decrypt(cipher, s => Age.DecryptFrom(s, [identity])));
        var other = Assert.Throws<AgeException>(() => AgeBytes.Decrypt(cipher, s => Age.DecryptFrom(s, [AgeKeys.GenerateHybrid().Identity])));
        Assert.Equal(AgeFailure.NoMatch, other.Failure);
        var classic = Assert.Throws<AgeException>(() => AgeBytes.Decrypt(cipher, s => Age.DecryptFrom(s, [AgeKeys.Generate().Identity])));
        Assert.Equal(AgeFailure.NoMatch, classic.Failure);
    }

    [Fact]
    public void The_stanza_is_mlkem768x25519_with_a_1120_byte_enc_and_a_32_byte_body_for_each_recipient()
    {
        var first = AgeKeys.GenerateHybrid();
        var second = AgeKeys.GenerateHybrid();
        var cipher = AgeBytes.Encrypt([1, 2, 3], s => Age.EncryptTo(s, [first.Recipient, second.Recipient]));
        var header = Encoding.ASCII.GetString(cipher[..cipher.AsSpan().IndexOf("\n---"u8)]).Split('\n');
        var stanzas = header.Where(l => l.StartsWith("-> ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        Assert.Equal(2, stanzas.Count);
        Assert.All(stanzas, s => Assert.Equal("mlkem768x25519", s[1]));
        Assert.All(stanzas, s => Assert.Equal(1120, Convert.FromBase64String(s[2].PadRight((s[2].Length + 3) / 4 * 4, '=')).Length));
        Assert.Equal([1, 2, 3], AgeBytes.Decrypt(cipher, s => Age.DecryptFrom(s, [second.Identity])));
        Assert.Equal([1, 2, 3], AgeBytes.Decrypt(cipher, s => Age.DecryptFrom(s, [AgeKeys.Generate().Identity, first.Identity])));
    }

    [Fact]
    public void Post_quantum_and_x25519_recipients_are_not_mixed_in_one_file()
    {
        string[] mixed = [AgeKeys.GenerateHybrid().Recipient, AgeKeys.Generate().Recipient];
        Assert.True(Age.MixesKinds(mixed));
        Assert.False(Age.MixesKinds([AgeKeys.GenerateHybrid().Recipient, AgeKeys.GenerateHybrid().Recipient]));
        var e = Assert.Throws<ArgumentException>(() => Age.EncryptTo(new MemoryStream(), mixed));
        Assert.Contains("cannot be mixed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_or_misspelled_post_quantum_key_is_refused()
    {
        var (identity, recipient) = AgeKeys.GenerateHybrid();
        Assert.False(AgeKeys.TryParseHybridRecipient(recipient.ToUpperInvariant(), out _));
        Assert.False(AgeKeys.TryParseHybridRecipient(recipient[..^1] + (recipient[^1] == 'q' ? 'p' : 'q'), out _));
        Assert.False(AgeKeys.TryParseHybridIdentity(identity.ToLowerInvariant(), out _));
        // A public key of the right size whose ML-KEM part fails FIPS 203's modulus check (coefficients of 4095 > q).
        Assert.False(AgeKeys.TryParseHybridRecipient(AgeKeys.HybridRecipient(Enumerable.Repeat((byte)0xff, 1216).ToArray()), out _));
        Assert.False(AgeKeys.IsRecipient(AgeKeys.HybridRecipient(new byte[32])));
        var cipher = AgeBytes.Encrypt([1], s => Age.EncryptTo(s, [recipient]));
        var e = Assert.Throws<AgeException>(() => AgeBytes.Decrypt(cipher, s => Age.DecryptFrom(s, [identity.ToLowerInvariant()])));
        Assert.Contains("upper case", e.Message, StringComparison.Ordinal);
    }
}
