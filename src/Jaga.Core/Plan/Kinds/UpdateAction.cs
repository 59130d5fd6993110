namespace Jaga.Core.Plan;

/// <summary>What the update policy does with one kind of update.</summary>
public enum UpdateAction
{
    Immediate,
    Auto,
    Review,
    Manual,
}
