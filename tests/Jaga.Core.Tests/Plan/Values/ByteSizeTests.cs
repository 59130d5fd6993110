using FsCheck;
using FsCheck.Xunit;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Tests.Plan.Values;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("512", 512)]
    [InlineData("512B", 512)]
    [InlineData("100MB", 100_000_000)]
    [InlineData("100 MB", 100_000_000)]
    [InlineData("1.5KB", 1_500)]
    [InlineData("10k", 10_000)]
    [InlineData("2G", 2_000_000_000)]
    [InlineData("1KiB", 1_024)]
    [InlineData("1gib", 1_073_741_824)]
    [InlineData("1TiB", 1_099_511_627_776)]
    [InlineData("1TB", 1_000_000_000_000)]
    public void Decimal_units_are_powers_of_ten_and_binary_units_powers_of_two(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var value));
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("0")]
    [InlineData("0MB")]
    [InlineData("-1MB")]
    [InlineData("100 MBs")]
    [InlineData("1.5.5MB")]
    [InlineData("10PB")]
    [InlineData("10000000TiB")]
    public void Refuses_what_is_not_a_positive_size(string text)
    {
        Assert.False(ByteSize.TryParse(text, out _));
    }

    [Theory]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("70000000000000000000TiB")]
    public void Refuses_sizes_too_large_without_throwing(string text)
    {
        Assert.False(ByteSize.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1_023, "1023 B")]
    [InlineData(1_024, "1 KiB")]
    [InlineData(1_536, "1.5 KiB")]
    [InlineData(100_000_000, "100 MB")]
    [InlineData(1_500_000, "1500 KB")]
    [InlineData(1_099_511_627_776, "1 TiB")]
    public void Formats_exact_decimal_sizes_as_written_else_binary_with_one_decimal(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(bytes));
    }

    [Property]
    public bool Kibibytes_are_1024_bytes(PositiveInt n)
    {
        return ByteSize.TryParse($"{n.Get}KiB", out var bytes) && bytes == n.Get * 1024L;
    }
}
