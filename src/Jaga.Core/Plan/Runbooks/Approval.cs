namespace Jaga.Core.Plan;

/// <summary>The question of an <c>approve</c> step and the number of different people who must approve (1 or more).</summary>
public sealed record Approval(string Prompt, int Approvals);
