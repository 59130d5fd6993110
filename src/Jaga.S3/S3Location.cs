namespace Jaga.S3;

/// <summary>Where a destination's objects live: a bucket and a key prefix that is empty or ends in '/'.</summary>
public sealed record S3Location(string Bucket, string Prefix)
{
    /// <summary>Reads <c>s3://bucket</c> or <c>s3://bucket/some/prefix</c> (a trailing '/' is optional).</summary>
    /// <exception cref="ArgumentException">Not an s3:// URL, or no bucket.</exception>
    public static S3Location Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        const string Scheme = "s3://";
        if (!url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"not an s3:// URL: '{url}'", nameof(url));
        var rest = url[Scheme.Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        if (bucket.Length == 0) throw new ArgumentException($"no bucket in '{url}'", nameof(url));
        return new S3Location(bucket, prefix.Length == 0 ? "" : prefix + "/");
    }

    /// <summary>The key of <paramref name="name"/> under the prefix.</summary>
    public string KeyOf(string name) => Prefix + name;

    public override string ToString() => Prefix.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{Prefix.TrimEnd('/')}";
}
