namespace Jaga.Core.Plan;

/// <summary>An S3 bucket and prefix (<c>s3: s3://bucket/prefix</c>), on AWS or an S3-compatible endpoint.</summary>
public sealed record S3Store(string S3, string? Endpoint, string? Region, bool? PathStyle, string? AccessKey, string? SecretKey) : Destination
{
    public override string Kind => "s3";

    public override string Where => S3;
}
