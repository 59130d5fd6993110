using Jaga.Core.Messages;

namespace Jaga.Core.Updates.Unused;

/// <summary>A declared dependency the project shows no use of: advice for a person, never a failure.</summary>
/// <param name="Dependency">The declaration.</param>
/// <param name="Evidence">What was looked at and not found, worded in the report's language (the JSON report words it in
/// English).</param>
/// <param name="Confidence">How strong the evidence is; <see cref="UnusedConfidence.Unchecked"/> when it could not be
/// looked at, and then the dependency is not called unused.</param>
public sealed record UnusedDependency(Dependency Dependency, Phrase Evidence, UnusedConfidence Confidence)
{
    /// <summary>Looked at and not found; false for one that could not be checked.</summary>
    public bool Probable => Confidence != UnusedConfidence.Unchecked;
}
