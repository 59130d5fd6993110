using Jaga.Core.Messages;

namespace Jaga.Core.Emergency;

/// <summary>The parameters of a run as checked against the runbook: every declared one with its value (given or default),
/// or the problems, each with how to fix it.</summary>
public sealed record ParameterCheck(IReadOnlyDictionary<string, string> Values, IReadOnlyList<(Phrase Message, Phrase Hint)> Problems)
{
    public bool Ok => Problems.Count == 0;
}
