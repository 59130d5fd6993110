using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Plan;

namespace Jaga.Cli;

/// <summary>The plan has errors: every one of them is printed (not only the first, as other user errors are), exit code 2.</summary>
internal sealed class PlanInvalid(IReadOnlyList<PlanError> errors, Catalog words) : UserException($"{errors.Count} problem(s) in the plan")
{
    public IReadOnlyList<PlanError> Errors { get; } = errors;

    /// <summary>The language the errors are shown in (<see cref="CliContext.Messages(PlanLoadResult)"/>).</summary>
    public Catalog Words { get; } = words;
}
