using Jaga.Core.Plan;
using Jaga.Testing;

namespace Jaga.Destinations.Tests;

/// <summary>The plan's destination entry for an S3 destination on the test store.</summary>
internal static class S3Plan
{
    public static S3Store For(SwiftServer swift, string bucket, string prefix, string? secretKey = null, string? endpoint = null) =>
        new(S3: $"s3://{bucket}/{prefix}", Endpoint: endpoint ?? swift.Endpoint, Region: SwiftServer.Region, PathStyle: true,
            AccessKey: SwiftServer.AccessKey, SecretKey: secretKey ?? SwiftServer.SecretKey);
}
