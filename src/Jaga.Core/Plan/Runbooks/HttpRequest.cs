namespace Jaga.Core.Plan;

/// <summary>The request of an <c>http</c> step; <paramref name="Expect"/> are conditions as a check's <c>expect</c>
/// (validated when the plan loads); without any, a 2xx status passes.</summary>
public sealed record HttpRequest(string Url, string? Method, IReadOnlyDictionary<string, string> Headers, string? Body, IReadOnlyList<string> Expect);
