using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Jaga.Core.Plan;

namespace Jaga.S3;

/// <summary>How to talk to the store a destination names: the client settings, and how to name the store in messages.</summary>
internal sealed record S3Endpoint(string Display, bool IsAws, string Region)
{
    private const string DefaultRegion = "us-east-1";

    public static S3Endpoint Of(S3Store config)
    {
        var region = string.IsNullOrWhiteSpace(config.Region) ? DefaultRegion : config.Region;
        if (string.IsNullOrWhiteSpace(config.Endpoint)) return new S3Endpoint($"AWS S3 ({region})", IsAws: true, region);
        if (!Uri.TryCreate(config.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"not an http(s) endpoint: '{Redact(config.Endpoint)}'", nameof(config));
        var isAws = uri.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase);
        return new S3Endpoint(Redact(config.Endpoint), isAws, region);
    }

    /// <summary>A client with no retries of its own: <see cref="S3Retry"/> is the one retry policy, so attempts do not multiply.</summary>
    public AmazonS3Client CreateClient(S3Store config)
    {
        var settings = new AmazonS3Config { MaxErrorRetry = 0 };
        if (string.IsNullOrWhiteSpace(config.Endpoint))
        {
            settings.RegionEndpoint = RegionEndpoint.GetBySystemName(Region);
        }
        else
        {
            settings.ServiceURL = config.Endpoint;
            settings.AuthenticationRegion = Region;
        }
        settings.ForcePathStyle = config.PathStyle ?? false;
        if (!IsAws)
        {
            // The SDK's default trailing checksums are refused by Swift and stored inside the object by other
            // S3-compatible stores; checksums only where the API requires them.
            settings.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            settings.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        var hasAccess = !string.IsNullOrEmpty(config.AccessKey);
        var hasSecret = !string.IsNullOrEmpty(config.SecretKey);
        if (hasAccess != hasSecret) throw new ArgumentException("access_key and secret_key go together: set both or neither", nameof(config));
        // Without keys, the SDK's own chain applies (environment, profile, instance role).
        return hasAccess ? new AmazonS3Client(new BasicAWSCredentials(config.AccessKey, config.SecretKey), settings) : new AmazonS3Client(settings);
    }

    /// <summary>The endpoint without any user, password or query it may carry.</summary>
    private static string Redact(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/')
            : "(invalid endpoint)";
}
