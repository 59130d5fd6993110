namespace Jaga.NuGet;

/// <summary>Offline, and the cache has no answer of this source for the request.</summary>
internal sealed class NotCachedException() : HttpRequestException("offline, and no answer of this source is cached yet: run once online");
