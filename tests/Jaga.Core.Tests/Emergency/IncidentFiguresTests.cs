using Jaga.Core.Emergency;
using Jaga.Core.Ports;

namespace Jaga.Core.Tests.Emergency;

public sealed class IncidentFiguresTests
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 15, 1, 0, 0, TimeSpan.Zero);

    private static Incident Incident(int id, TimeSpan? acknowledged, TimeSpan? closed) => new(
        id, $"check:c{id}", "down", "alert", T0.AddHours(id), "node-a",
        T0.AddHours(id) + acknowledged, acknowledged is null ? null : "alice", T0.AddHours(id) + closed, closed is null ? null : "jaga", null);

    [Fact]
    public void An_incidents_own_times_run_from_its_opening_to_its_first_acknowledgement_and_to_its_close()
    {
        var incident = Incident(1, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(40));

        Assert.Equal(TimeSpan.FromMinutes(3), incident.TimeToAcknowledge);
        Assert.Equal(TimeSpan.FromMinutes(40), incident.TimeToRecover);
        Assert.False(incident.Open);
        Assert.Null(Incident(2, null, null).TimeToAcknowledge);
        Assert.Null(Incident(2, null, null).TimeToRecover);
        Assert.True(Incident(2, null, null).Open);
    }

    [Fact]
    public void Averages_count_only_the_incidents_that_have_the_time_so_an_open_one_does_not_shorten_recovery()
    {
        var figures = IncidentFigures.Of(
        [
            Incident(1, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)),
            Incident(2, TimeSpan.FromMinutes(4), null), // acknowledged, still open
            Incident(3, null, TimeSpan.FromMinutes(30)), // closed by recovery before anyone acknowledged
            Incident(4, null, null),
        ]);

        Assert.Equal(new IncidentFigures(4, 2, 2, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(20)), figures);
    }

    [Fact]
    public void No_incidents_have_no_averages()
    {
        Assert.Equal(new IncidentFigures(0, 0, 0, null, null), IncidentFigures.Of([]));
    }

    [Fact]
    public void An_average_keeps_sub_second_precision_without_overflowing_on_long_incidents()
    {
        var figures = IncidentFigures.Of(
        [
            Incident(1, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(3650)),
            Incident(2, TimeSpan.FromMilliseconds(2), TimeSpan.FromDays(3650)),
        ]);

        Assert.Equal(TimeSpan.FromMilliseconds(1.5), figures.MeanTimeToAcknowledge);
        Assert.Equal(TimeSpan.FromDays(3650), figures.MeanTimeToRecover);
    }
}
