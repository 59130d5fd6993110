using Jaga.Core.Migration;

namespace Jaga.Migration.Tests.Export;

public sealed class ExportValueTests
{
    public static TheoryData<object?, PgTypeKind, string?> Fitting => new()
    {
        { null, PgTypeKind.Text, null },
        { "", PgTypeKind.Text, "" },
        { 1L, PgTypeKind.Boolean, "true" },
        { 0L, PgTypeKind.Boolean, "false" },
        { true, PgTypeKind.Boolean, "true" },
        { -42L, PgTypeKind.BigInt, "-42" },
        { 12.5, PgTypeKind.Numeric, "12.5" },
        { 1e-7, PgTypeKind.Numeric, "0.0000001" },
        { 1e-30, PgTypeKind.Numeric, "0.000000000000000000000000000001" },
        { -2.5e-30, PgTypeKind.Numeric, "-0.0000000000000000000000000000025" },
        { 1e300, PgTypeKind.Numeric, "1" + new string('0', 300) },
        { 1.25e21, PgTypeKind.Numeric, "1250000000000000000000" },
        { 12.50m, PgTypeKind.Numeric, "12.50" },
        { double.NegativeInfinity, PgTypeKind.Double, "-Infinity" },
        { new byte[] { 0, 0xAB, 0xFF }, PgTypeKind.Bytea, "\\x00abff" },
        { "2025-11-15 02:00:00", PgTypeKind.TimestampTz, "2025-11-15T02:00:00+00:00" },
        { new DateTimeOffset(2025, 11, 15, 2, 0, 0, 123, TimeSpan.FromHours(7)), PgTypeKind.TimestampTz, "2025-11-15T02:00:00.123+07:00" },
        { new DateTime(2025, 11, 15, 2, 0, 0, DateTimeKind.Utc), PgTypeKind.TimestampTz, "2025-11-15T02:00:00+00:00" },
        { new DateTime(2025, 11, 15, 2, 0, 0, DateTimeKind.Unspecified), PgTypeKind.Timestamp, "2025-11-15T02:00:00" },
        { new DateTime(2025, 11, 15), PgTypeKind.Date, "2025-11-15" },
        { new TimeSpan(0, 13, 5, 0, 250), PgTypeKind.Time, "13:05:00.25" },
        { Guid.Parse("A1B2C3D4-0000-4000-8000-000000000001"), PgTypeKind.Uuid, "a1b2c3d4-0000-4000-8000-000000000001" },
        { 7L, PgTypeKind.Text, "7" },
    };

    [Theory]
    [MemberData(nameof(Fitting))]
    public void A_value_that_fits_its_column_is_written_as_documented(object? value, PgTypeKind kind, string? text)
    {
        Assert.Equal(text, ExportValue.Text(value, kind, out var problem));
        Assert.Null(problem);
    }

    public static TheoryData<object, PgTypeKind, string> Loose => new()
    {
        { "abc", PgTypeKind.BigInt, "the text 'abc' does not fit a bigint column" },
        { 2.5, PgTypeKind.BigInt, "the real number 2.5 does not fit a bigint column" },
        { 2L, PgTypeKind.Boolean, "the integer 2 does not fit a boolean column" },
        { "soon", PgTypeKind.TimestampTz, "the text 'soon' does not fit a timestamptz column" },
        { new byte[] { 1 }, PgTypeKind.Text, "a binary value of 1 bytes does not fit a text column" },
        { "x", PgTypeKind.Bytea, "the text 'x' does not fit a bytea column" },
        { "1,5", PgTypeKind.Numeric, "the text '1,5' does not fit a numeric column" },
    };

    [Theory]
    [MemberData(nameof(Loose))]
    public void A_value_sqlite_let_into_a_column_of_another_type_is_refused_with_the_reason(object value, PgTypeKind kind, string reason)
    {
        Assert.Null(ExportValue.Text(value, kind, out var problem));
        Assert.Equal(reason, problem);
    }

    public static TheoryData<object?, PgTypeKind> ForCanonical => new()
    {
        { "2025-11-15 02:00:00.1234567", PgTypeKind.TimestampTz },
        { "2025-11-15T23:30:00.5-02:30", PgTypeKind.TimestampTz },
        { "2025-11-15", PgTypeKind.TimestampTz },
        { new DateTimeOffset(2025, 11, 15, 2, 0, 0, 123, TimeSpan.FromHours(7)).AddTicks(9), PgTypeKind.TimestampTz },
        { new DateTime(2025, 11, 15, 2, 0, 0, DateTimeKind.Local), PgTypeKind.TimestampTz },
        { "2025-11-15 02:00:00.0000009", PgTypeKind.Timestamp },
        { new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(15), PgTypeKind.Timestamp },
        { "2025-11-15", PgTypeKind.Timestamp },
        { -42L, PgTypeKind.BigInt },
        { long.MinValue, PgTypeKind.Integer },
        { "0042", PgTypeKind.BigInt },
        { 12.50m, PgTypeKind.BigInt },
        { -0.0, PgTypeKind.Numeric },
        { 1.10, PgTypeKind.Numeric },
        { "TRUE", PgTypeKind.Boolean },
        { new byte[] { 0xAB }, PgTypeKind.Bytea },
        { "{\"b\": 1, \"a\": [true]}", PgTypeKind.Jsonb },
        { "é, \"x\"", PgTypeKind.Text },
        { null, PgTypeKind.TimestampTz },
        { "soon", PgTypeKind.TimestampTz },
    };

    [Theory]
    [MemberData(nameof(ForCanonical))]
    public void The_canonical_text_given_with_the_export_text_is_that_of_the_text_read_back(object? value, PgTypeKind kind)
    {
        var text = ExportValue.Text(value, kind, out var problem);
        Assert.Equal(text, ExportValue.Text(value, kind, out var problem2, out var canonical));
        Assert.Equal(problem, problem2);
        Assert.Equal(text is null ? null : CanonicalValue.Of(text, kind), canonical);
    }
}
