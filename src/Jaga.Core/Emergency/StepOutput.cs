namespace Jaga.Core.Emergency;

/// <summary>What an earlier step left for later ones: its output (the masked tail the run record keeps) and its exit code
/// (null for a step that has none, such as <c>approve</c>).</summary>
public sealed record StepOutput(string Output, int? ExitCode);
