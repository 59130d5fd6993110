namespace Jaga.Dashboard.Overview;

/// <summary>A card's colour: all is well, something wants a look, something is failing.</summary>
public enum Light
{
    Green,
    Amber,
    Red,
}
