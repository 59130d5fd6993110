namespace Jaga.Core.Plan;

/// <summary>What an <c>updates</c> check watches for.</summary>
/// <param name="OverdueAfter">A pending security finding open longer than this (since the first audit or patches reading that
/// reported it) is overdue.</param>
public sealed record UpdatesWatch(TimeSpan OverdueAfter);
