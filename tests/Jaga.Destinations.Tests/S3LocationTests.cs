using Jaga.S3;

namespace Jaga.Destinations.Tests;

public sealed class S3LocationTests
{
    [Theory]
    [InlineData("s3://bucket", "bucket", "")]
    [InlineData("s3://bucket/", "bucket", "")]
    [InlineData("s3://bucket/jaga", "bucket", "jaga/")]
    [InlineData("s3://bucket/jaga/db/", "bucket", "jaga/db/")]
    public void An_s3_url_gives_a_bucket_and_a_prefix_ending_in_a_slash(string url, string bucket, string prefix) =>
        Assert.Equal(new S3Location(bucket, prefix), S3Location.Parse(url));

    [Theory]
    [InlineData("bucket/jaga")]
    [InlineData("s3:///jaga")]
    [InlineData("https://bucket/jaga")]
    public void Anything_else_is_refused(string url) => Assert.Throws<ArgumentException>(() => S3Location.Parse(url));

    [Theory]
    [InlineData(1, 5)]
    [InlineData(1000, 5)]
    [InlineData(1001, 10)]
    [InlineData(4001, 80)]
    [InlineData(5001, 128)]
    [InlineData(10_000, 128)]
    public void Parts_grow_with_the_object_up_to_128_MiB(int partNumber, int mebibytes) =>
        Assert.Equal(mebibytes * 1024 * 1024, S3Upload.PartSize(partNumber));

    [Fact]
    public void Ten_thousand_parts_hold_more_than_700_GiB() =>
        Assert.True(Enumerable.Range(1, 10_000).Sum(n => (long)S3Upload.PartSize(n)) > 700L * 1024 * 1024 * 1024);
}
