namespace Jaga.Core.Plan;

/// <summary>A check that is down (<c>check:</c>), for at least <paramref name="FailingFor"/> when given.</summary>
public sealed record CheckTrigger(string Check, TimeSpan? FailingFor) : RunbookTrigger;
