using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Engine.Readiness;

/// <summary>What the readiness checklist gathers its evidence from.</summary>
/// <param name="Plan">The plan, whose folder is the project's.</param>
/// <param name="Store">The state store: audits, backups, nodes, changes and acknowledgements.</param>
/// <param name="Clock">Now, for ages.</param>
/// <param name="Secrets">The secrets scan; null in a build without one (points 1 and 5 are then unmet, saying so).</param>
/// <param name="Http">The handler the security-headers probe sends through (a test may pin one; default a new one).</param>
/// <param name="Variables">The environment of the process that runs the application, where a required key may be set
/// instead of an env file (default this process's own).</param>
public sealed record ReadinessInputs(LoadedPlan Plan, IStateStore Store, TimeProvider Clock, ISecretsScan? Secrets, HttpMessageHandler? Http = null,
    Func<string, string?>? Variables = null);
