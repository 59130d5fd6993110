namespace Jaga.Core.Monitoring;

/// <summary>How many checks are in each state: the summary a page shows above the slice of checks it lists.</summary>
public sealed record CheckCounts(int Up, int Down, int Unknown)
{
    public static readonly CheckCounts None = new(0, 0, 0);

    public int Total => Up + Down + Unknown;

    public static CheckCounts Of(IEnumerable<CheckStatus> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        int up = 0, down = 0, unknown = 0;
        foreach (var s in states)
        {
            if (s == CheckStatus.Up) up++;
            else if (s == CheckStatus.Down) down++;
            else unknown++;
        }
        return new CheckCounts(up, down, unknown);
    }

    /// <summary>The order pages list checks in: down first, then not checked yet, then up (what needs a look comes first).</summary>
    public static int Rank(CheckStatus status) => status switch
    {
        CheckStatus.Down => 0,
        CheckStatus.Unknown => 1,
        _ => 2,
    };
}
