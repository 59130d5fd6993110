using System.Net.Http.Headers;

namespace Jaga.Core.Updates.Registries;

/// <summary>How long a registry's cached answer is used without asking the registry again: at most the window (10 minutes
/// unless the caller says otherwise), less when the registry's <c>Cache-Control</c> says so. After that the answer is
/// revalidated with its validators (ETag / Last-Modified), or fetched again when it came without any.</summary>
/// <remarks>npm and pip do the same: both use a cached packument or index page while it is fresh. Without a window a
/// "warm" audit still costs one round trip per package, and a whole download per package where the registry sends no
/// validators (as some mirrors do). The registry's own max-age is a ceiling, never a floor: a year-long max-age must not
/// hide a release for a year.</remarks>
public static class RegistryFreshness
{
    /// <summary>The window when the caller names none.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);

    /// <summary>The registry's own limit for an answer: zero for <c>no-cache</c> or <c>no-store</c>, its <c>max-age</c>,
    /// or null when it says neither.</summary>
    public static TimeSpan? Limit(CacheControlHeaderValue? cacheControl) => cacheControl switch
    {
        null => null,
        { NoCache: true } or { NoStore: true } => TimeSpan.Zero,
        { MaxAge: { } maxAge } => maxAge,
        _ => null,
    };

    /// <summary>Whether an answer stored at <paramref name="stored"/> may still be used as it is at
    /// <paramref name="now"/>. A store time in the future (the clock was set back) is not fresh.</summary>
    /// <param name="stored">When the answer was received or last confirmed (a 304).</param>
    /// <param name="limit">The registry's own limit (<see cref="Limit"/>), if any.</param>
    /// <param name="window">The caller's window; zero asks every time.</param>
    /// <param name="now">The current time.</param>
    public static bool IsFresh(DateTimeOffset stored, TimeSpan? limit, TimeSpan window, DateTimeOffset now)
    {
        var span = limit is { } l && l < window ? l : window;
        return now >= stored && now - stored < span;
    }
}
