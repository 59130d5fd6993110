using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Env;

/// <summary>A <c>${VAR}</c> written in the plan.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Path">The plan key it stands in (<c>migration.to</c>, <c>emergency.runbooks[0].steps[2].run</c>).</param>
/// <param name="At">Where the value holding it starts.</param>
/// <param name="HasDefault">Written <c>${VAR:-default}</c>: the plan reads without it.</param>
public sealed record VariableReference(string Name, string Path, Mark At, bool HasDefault);
