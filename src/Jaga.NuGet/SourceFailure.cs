using System.Net;
using System.Net.Sockets;
using Jaga.Core.Updates.Registries;
using NuGet.Protocol.Core.Types;

namespace Jaga.NuGet;

/// <summary>Why a source gave no answer, read from what NuGet.Protocol threw (it wraps the cause in a
/// <see cref="FatalProtocolException"/> after its own retries).</summary>
internal static class SourceFailure
{
    /// <summary>The exceptions a source's failure arrives as; anything else is a bug and is let through.</summary>
    public static bool IsSourceFailure(Exception e) =>
        e is NuGetProtocolException or HttpRequestException or IOException or TimeoutException or UnauthorizedAccessException
            or InvalidDataException;

    public static RegistryAnswer.Failed Of(string source, Exception e)
    {
        var causes = Causes(e).ToList();
        if (causes.OfType<NotCachedException>().FirstOrDefault() is { } notCached)
        {
            return new(source, RegistryFailure.Unreachable, $"{source}: {notCached.Message}");
        }
        if (causes.OfType<HttpRequestException>().FirstOrDefault(h => h.StatusCode is not null) is { StatusCode: { } status })
        {
            var code = $"HTTP {(int)status} {status}";
            return status switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new(source, RegistryFailure.Unauthorized,
                    $"{source}: {code}: credentials missing or refused (packageSourceCredentials in NuGet.Config)"),
                >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests =>
                    new(source, RegistryFailure.Unreachable, $"{source}: {code}"),
                _ => new(source, RegistryFailure.BadAnswer, $"{source}: {code}"),
            };
        }
        var innermost = causes[^1];
        var unreachable = causes.Any(c => c is HttpRequestException or SocketException or TimeoutException or IOException);
        return new(source, unreachable ? RegistryFailure.Unreachable : RegistryFailure.BadAnswer, $"{source}: {innermost.Message}");
    }

    private static IEnumerable<Exception> Causes(Exception e)
    {
        for (Exception? c = e; c is not null; c = c.InnerException)
        {
            yield return c;
        }
    }
}
