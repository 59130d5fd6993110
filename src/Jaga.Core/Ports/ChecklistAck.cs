namespace Jaga.Core.Ports;

/// <summary>A person's acknowledgement of a readiness checklist point, for what only a person can judge.</summary>
/// <param name="Item">The point's name (<c>folders</c>, <c>security</c>).</param>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
/// <param name="Note">What they checked.</param>
/// <param name="Seq">The audit entry that records it.</param>
public sealed record ChecklistAck(string Item, string By, DateTimeOffset At, string Note, long Seq);
