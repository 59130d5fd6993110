namespace Jaga.Core.Storage;

/// <summary>The aggregate tiers of the check history.</summary>
public enum HistoryTier
{
    Hourly,
    Daily,
}
