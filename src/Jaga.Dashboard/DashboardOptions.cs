namespace Jaga.Dashboard;

/// <summary>How the host configures the dashboard.</summary>
public sealed class DashboardOptions
{
    /// <summary>Where Data Protection keeps its keys: beside the state, so sign-ins survive a restart.</summary>
    public required string KeysFolder { get; init; }

    /// <summary>The plan's clock: sign-in cookies and lock-outs expire by it.</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>How long a sign-in lasts without use.</summary>
    public TimeSpan SignInLasts { get; init; } = TimeSpan.FromHours(8);

    /// <summary>How many entries one page of the log page looks through at most (<see cref="Core.Ledger.LogQuery.ScanWindow"/>).</summary>
    public long LogScanWindow { get; init; } = Core.Ledger.LogQuery.DefaultScanWindow;
}
