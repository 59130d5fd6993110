namespace Jaga.Engine.Monitoring.Probes;

/// <summary>One HTTP request as an <c>http</c> check or a runbook's <c>http</c> step describes it.</summary>
/// <param name="Uri">Where it goes.</param>
/// <param name="Method">The method; GET when null.</param>
/// <param name="Headers">Request headers; a content header (Content-Type) goes on the body.</param>
/// <param name="Body">The request body, sent as UTF-8; none when null.</param>
/// <param name="FollowRedirects">Follow 301/302/303/307/308 up to <see cref="HttpExchange.MaxRedirects"/>.</param>
/// <param name="Insecure">Accept any server certificate.</param>
/// <param name="Resolver">Resolves the server's name when a new connection is opened; the system's resolver when null.</param>
internal sealed record HttpCall(Uri Uri, string? Method, IReadOnlyDictionary<string, string> Headers, string? Body, bool FollowRedirects, bool Insecure,
    CheckResolver? Resolver = null);
