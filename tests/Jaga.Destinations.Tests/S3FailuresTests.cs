using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Jaga.S3;

namespace Jaga.Destinations.Tests;

/// <summary>How store answers map to failures, including those a test store cannot be made to give (5xx, throttling).</summary>
public sealed class S3FailuresTests
{
    private readonly S3Failures failures = new("offsite", new S3Endpoint("https://s3.example.net", IsAws: false, "us-east-1"), new S3Location("backups", "jaga/"));

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "SlowDown")]
    [InlineData(HttpStatusCode.BadGateway, "")]
    [InlineData(HttpStatusCode.BadRequest, "RequestTimeout")]
    public void Server_errors_and_throttling_are_transient(HttpStatusCode status, string code)
    {
        var e = failures.From(Answer(status, code), "writing db.sql");

        Assert.True(e.Transient);
        Assert.True(S3Failures.IsTransient(Answer(status, code)));
        Assert.StartsWith("offsite: S3 at https://s3.example.net failed while writing db.sql", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("InvalidAccessKeyId", "refused the credentials")]
    [InlineData("SignatureDoesNotMatch", "refused the credentials")]
    [InlineData("AccessDenied", "denied access to s3://backups/jaga")]
    public void Refused_credentials_and_permissions_are_permanent(string code, string says)
    {
        var e = failures.From(Answer(HttpStatusCode.Forbidden, code), "listing");

        Assert.False(e.Transient);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("store's own words", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_connection_names_the_endpoint()
    {
        var e = failures.From(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)), "listing");

        Assert.True(e.Transient);
        Assert.Equal("offsite: cannot reach the S3 endpoint https://s3.example.net: connection refused (while listing)", e.Message);
    }

    [Fact]
    public void A_timeout_is_transient() =>
        Assert.True(failures.From(new TaskCanceledException("timed out", new TimeoutException()), "listing").Transient);

    [Fact]
    public void A_missing_bucket_is_not_a_missing_object()
    {
        Assert.False(S3Failures.IsNotFound(Answer(HttpStatusCode.NotFound, "NoSuchBucket")));
        Assert.True(S3Failures.IsNotFound(Answer(HttpStatusCode.NotFound, "NoSuchKey")));
        Assert.Equal("offsite: bucket 'backups' does not exist at https://s3.example.net", failures.From(Answer(HttpStatusCode.NotFound, "NoSuchBucket"), "listing").Message);
    }

    [Fact]
    public void What_became_of_the_upload_follows_the_failure()
    {
        var e = failures.From(Answer(HttpStatusCode.ServiceUnavailable, "SlowDown"), "writing db.sql", "the upload was aborted");

        Assert.EndsWith("; the upload was aborted", e.Message, StringComparison.Ordinal);
    }

    private static AmazonS3Exception Answer(HttpStatusCode status, string code) =>
        new("the store's own words, which may echo what was signed", ErrorType.Sender, code, "request-1", status);
}
