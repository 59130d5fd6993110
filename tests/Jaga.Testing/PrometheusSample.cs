namespace Jaga.Testing;

/// <summary>One sample of a PromQL query result: its labels (with <c>__name__</c>, <c>job</c> and <c>instance</c>
/// where the query keeps them) and its value.</summary>
public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, double Value);
