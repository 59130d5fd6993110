using Jaga.Core.Migration;

namespace Jaga.Migration.Tests.Export;

public sealed class CanonicalValueTests
{
    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("2.0", "2")]
    [InlineData("-0", "0")]
    [InlineData("-0.000", "0")]
    [InlineData("007.10", "7.1")]
    [InlineData(".5", "0.5")]
    [InlineData("-12.340", "-12.34")]
    [InlineData("123456789012345678901234567890.123450", "123456789012345678901234567890.12345")]
    [InlineData("NaN", "NaN")]
    public void Numerics_lose_trailing_zeros_and_keep_every_digit(string text, string canonical) =>
        Assert.Equal(canonical, CanonicalValue.Of(text, PgTypeKind.Numeric));

    [Theory]
    [InlineData("2025-11-15T02:00:00.123456+07:00", "2025-11-14T19:00:00.123456Z")]
    [InlineData("2025-11-14 19:00:00", "2025-11-14T19:00:00Z")]
    [InlineData("2025-11-14T19:00:00.500Z", "2025-11-14T19:00:00.5Z")]
    [InlineData("2025-11-14 21:00:00+02", "2025-11-14T19:00:00Z")]
    public void Timestamps_with_zone_are_written_in_utc_without_trailing_fraction_zeros(string text, string canonical) =>
        Assert.Equal(canonical, CanonicalValue.Of(text, PgTypeKind.TimestampTz));

    [Fact]
    public void Json_is_minified_with_keys_sorted_as_jsonb_would_hold_it() =>
        Assert.Equal("{\"a\":[1,{\"x\":\"é\",\"y\":null}],\"b\":true}", CanonicalValue.Of("{ \"b\": true, \"a\": [1, {\"y\": null, \"x\": \"é\"}] }", PgTypeKind.Jsonb));

    [Theory]
    [InlineData("0042", PgTypeKind.BigInt, "42")]
    [InlineData("t", PgTypeKind.Boolean, "true")]
    [InlineData("\\xDEADbeef", PgTypeKind.Bytea, "\\xdeadbeef")]
    [InlineData("0.1", PgTypeKind.Double, "0.1")]
    [InlineData("0.1", PgTypeKind.Real, "0.1")]
    [InlineData("1E+300", PgTypeKind.Double, "1E+300")]
    [InlineData("A1B2C3D4-0000-4000-8000-000000000001", PgTypeKind.Uuid, "a1b2c3d4-0000-4000-8000-000000000001")]
    [InlineData("13:05:00.000", PgTypeKind.Time, "13:05:00")]
    [InlineData("", PgTypeKind.Text, "")]
    public void Each_type_has_one_canonical_text(string text, PgTypeKind kind, string canonical) =>
        Assert.Equal(canonical, CanonicalValue.Of(text, kind));

    [Fact]
    public void Null_stays_null_and_differs_from_the_empty_string()
    {
        Assert.Null(CanonicalValue.Of(null, PgTypeKind.Text));
        Assert.NotEqual(Convert.ToHexString(ContentHash.RowDigest([null])), Convert.ToHexString(ContentHash.RowDigest([""])));
    }

    [Theory]
    [InlineData("abc", PgTypeKind.BigInt)]
    [InlineData("1.2.3", PgTypeKind.Numeric)]
    [InlineData("yes", PgTypeKind.Boolean)]
    [InlineData("{not json", PgTypeKind.Json)]
    [InlineData("15/11/2025", PgTypeKind.Date)]
    public void Text_that_is_not_a_value_of_the_type_is_refused(string text, PgTypeKind kind) =>
        Assert.Throws<FormatException>(() => CanonicalValue.Of(text, kind));

    [Fact]
    public void A_json_key_written_twice_keeps_its_last_value_as_jsonb_does()
    {
        Assert.True(CanonicalValue.TryJson("{\"b\":1,\"a\":2,\"b\":3}", out var canonical));
        Assert.Equal("{\"a\":2,\"b\":3}", canonical);
    }
}
