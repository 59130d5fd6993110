using Jaga.Core.Messages;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Versions;

namespace Jaga.Engine.Updates.Audit.Reports;

/// <summary>The words of an audit: the stable ones scripts read (<see cref="Of(Decision)"/>, JSON and SARIF) and the
/// ones people read, in the plan's language (<see cref="Why"/>, <see cref="Problem"/>).</summary>
public static class AuditWords
{
    public static string Of(Decision decision) => decision switch
    {
        Decision.UpToDate => "up_to_date",
        Decision.Apply => "apply",
        Decision.Review => "review",
        Decision.Manual => "manual",
        Decision.Unknown => "unknown",
    };

    public static string Of(UpdateKind kind) => kind.ToString().ToLowerInvariant();

    public static string Of(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>OSV's names: NuGet, npm, PyPI.</summary>
    public static string Of(Core.Updates.Ecosystem ecosystem) => OsvJson.NameOf(ecosystem);

    public static string Of(FindingProblem problem) => PlanBinder.SnakeCase(problem.ToString());

    /// <summary>Why the policy decided so, in the reader's language.</summary>
    public static string Why(Finding f, Catalog words, Core.Plan.UpdatePolicy policy)
    {
        if (f.Problem is { } problem) return Problem(f, problem, words);
        var active = f.Active.Select(a => a.Id).ToList();
        var why = f switch
        {
            { Security: true, Target: null } => words.Format("cli.deps.why.security.nofix", string.Join(", ", active)),
            { Security: true } => words.Format("cli.deps.why.security", string.Join(", ", active), EnumWord.Of(policy.Security)),
            { TargetKind: { } kind } => words.Format("cli.deps.why.policy", words["word.kind." + Of(kind)], EnumWord.Of(kind switch
            {
                UpdateKind.Patch => policy.Patch,
                UpdateKind.Minor => policy.Minor,
                UpdateKind.Major => policy.Major,
            })),
            _ => words["word.decision." + Of(f.Decision)],
        };
        return f.CurrentFromRange ? why + words.Format("cli.deps.why.from.range", f.Dependency.Requirement) : why;
    }

    public static string Problem(Finding f, FindingProblem problem, Catalog words) =>
        words.Format("cli.deps.problem." + Of(problem), f.ProblemDetail ?? "");
}
