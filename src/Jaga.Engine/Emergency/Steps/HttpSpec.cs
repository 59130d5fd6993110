using Jaga.Core.Conditions;

namespace Jaga.Engine.Emergency.Steps;

/// <summary>An <c>http</c> step as the runner needs it: one request, already interpolated, and the conditions its answer
/// must meet (parsed by the plan, as an <c>http</c> check's <c>expect</c>).</summary>
/// <param name="Url">The address, http or https.</param>
public sealed record HttpSpec(string Url)
{
    /// <summary>The method; GET when null.</summary>
    public string? Method { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The request body, sent as UTF-8.</summary>
    public string? Body { get; init; }

    /// <summary>Every one must hold; none means <c>[STATUS] &lt; 400</c>, the default of an http check.</summary>
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool FollowRedirects { get; init; } = true;

    /// <summary>Accept any server certificate.</summary>
    public bool Insecure { get; init; }
}
