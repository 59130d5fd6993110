using Jaga.Core.Ports;

namespace Jaga.Core.Emergency;

/// <summary>Time to acknowledge and to recover over a list of incidents (each incident's own are on <see cref="Incident"/>).</summary>
/// <param name="Count">Incidents counted.</param>
/// <param name="Acknowledged">Of those, how many were acknowledged.</param>
/// <param name="Recovered">Of those, how many are closed.</param>
/// <param name="MeanTimeToAcknowledge">The mean over the acknowledged ones, or null when none was.</param>
/// <param name="MeanTimeToRecover">The mean over the closed ones, or null when none is.</param>
public sealed record IncidentFigures(int Count, int Acknowledged, int Recovered, TimeSpan? MeanTimeToAcknowledge, TimeSpan? MeanTimeToRecover)
{
    /// <summary>The figures of <paramref name="incidents"/>. An open incident counts toward acknowledging (when acknowledged)
    /// but not toward recovering: its time to recover is not known yet.</summary>
    public static IncidentFigures Of(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var list = incidents.ToList();
        var acknowledge = list.Select(i => i.TimeToAcknowledge).OfType<TimeSpan>().ToList();
        var recover = list.Select(i => i.TimeToRecover).OfType<TimeSpan>().ToList();
        return new IncidentFigures(list.Count, acknowledge.Count, recover.Count, Mean(acknowledge), Mean(recover));
    }

    private static TimeSpan? Mean(List<TimeSpan> spans) =>
        spans.Count == 0 ? null : TimeSpan.FromTicks((long)spans.Average(s => (decimal)s.Ticks));
}
