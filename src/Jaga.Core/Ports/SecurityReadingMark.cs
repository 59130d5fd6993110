namespace Jaga.Core.Ports;

/// <summary>The latest reading of one source and scope, kept even when it reported nothing: "no finding" and "never
/// read" are different answers.</summary>
/// <param name="Source"></param>
/// <param name="Scope"></param>
/// <param name="At">When it was made.</param>
/// <param name="Complete">Whether it could resolve findings (see <see cref="SecurityReading.Complete"/>).</param>
/// <param name="Findings">How many pending findings it reported.</param>
public sealed record SecurityReadingMark(SecurityFindingSource Source, string Scope, DateTimeOffset At, bool Complete, int Findings);
