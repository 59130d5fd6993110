using Jaga.Core.Adapters;
using Jaga.Core.Plan;

namespace Jaga.S3;

/// <summary>Adds the <c>s3:</c> destination.</summary>
public static class S3Adapters
{
    public static AdapterSet AddS3(this AdapterSet adapters) =>
        adapters.AddDestination<S3Store>((name, store, _, waits) => new S3Destination(name, store, waits));
}
