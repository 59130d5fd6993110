using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Jaga.Core.Ports;

namespace Jaga.S3;

/// <summary>Turns what the SDK throws into a <see cref="DestinationException"/> a person can act on. Messages are
/// built from the error code, the status and this destination's own bucket, prefix and endpoint, never from the
/// keys, and never from the store's free text, which may echo what was signed.</summary>
internal sealed class S3Failures(string destination, S3Endpoint endpoint, S3Location location)
{
    private static readonly HashSet<string> CredentialCodes =
        new(["InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken", "InvalidSecurity", "AuthorizationHeaderMalformed"], StringComparer.Ordinal);

    private static readonly HashSet<string> TransientCodes =
        new(["SlowDown", "RequestTimeout", "InternalError", "ServiceUnavailable", "ThrottlingException"], StringComparer.Ordinal);

    /// <summary>Worth trying again: the store or the way to it failed, not the request.</summary>
    public static bool IsTransient(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case AmazonServiceException s when s.StatusCode != 0:
                    return (int)s.StatusCode >= 500 || (s.ErrorCode is { } code && TransientCodes.Contains(code));
                case SocketException or HttpRequestException or IOException or TimeoutException or TaskCanceledException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>True when the store answered that the object (or upload) is not there.</summary>
    public static bool IsNotFound(Exception e) =>
        e is AmazonServiceException { StatusCode: HttpStatusCode.NotFound } s && s.ErrorCode is not "NoSuchBucket";

    /// <summary>What to throw for <paramref name="e"/>, which happened while <paramref name="doing"/>; <paramref name="aftermath"/>
    /// says what became of the upload, if one was under way.</summary>
    public DestinationException From(Exception e, string doing, string? aftermath = null)
    {
        if (e is DestinationException d && aftermath is null) return d;
        var (message, transient) = Describe(e, doing);
        if (aftermath is not null) message += $"; {aftermath}";
        return new DestinationException(destination, $"{destination}: {message}", transient, e);
    }

    private (string Message, bool Transient) Describe(Exception e, string doing)
    {
        if (e is DestinationException d) return (d.Message.StartsWith(destination + ": ", StringComparison.Ordinal) ? d.Message[(destination.Length + 2)..] : d.Message, d.Transient);
        if (Find<AmazonServiceException>(e) is { StatusCode: not 0 } s)
        {
            var code = string.IsNullOrEmpty(s.ErrorCode) ? s.StatusCode.ToString() : s.ErrorCode;
            var status = (int)s.StatusCode;
            if (code == "NoSuchBucket") return ($"bucket '{location.Bucket}' does not exist at {endpoint.Display}", false);
            if (CredentialCodes.Contains(code))
                return ($"S3 at {endpoint.Display} refused the credentials while {doing} ({code}): check access_key and secret_key", false);
            if (status == 403)
                return ($"S3 at {endpoint.Display} denied access to {location} while {doing} ({code}): the credentials lack a permission", false);
            if (IsTransient(s)) return ($"S3 at {endpoint.Display} failed while {doing}: {code} (HTTP {status})", true);
            return ($"S3 at {endpoint.Display} refused {doing}: {code} (HTTP {status})", false);
        }
        if (Find<SocketException>(e) is { } socket)
        {
            var why = socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.ConnectionReset => "connection reset",
                SocketError.TimedOut => "connection timed out",
                SocketError.HostNotFound or SocketError.NoData => "host not found",
                SocketError.HostUnreachable or SocketError.NetworkUnreachable => "unreachable",
                _ => socket.SocketErrorCode.ToString(),
            };
            return ($"cannot reach the S3 endpoint {endpoint.Display}: {why} (while {doing})", true);
        }
        if (Find<TimeoutException>(e) is not null || Find<TaskCanceledException>(e) is not null)
            return ($"the S3 endpoint {endpoint.Display} did not answer in time (while {doing})", true);
        if (Find<HttpRequestException>(e) is not null || Find<IOException>(e) is not null)
            return ($"the connection to the S3 endpoint {endpoint.Display} failed while {doing}: {e.GetBaseException().GetType().Name}", true);
        return ($"S3 failed while {doing}: {e.GetType().Name}", false);
    }

    private static T? Find<T>(Exception e)
        where T : Exception
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is T found) return found;
        return null;
    }
}
