namespace Jaga.Monitoring.Tests;

public sealed class ProjectSmokeTests
{
    [Fact]
    public void Monitoring_tests_reference_the_engine() =>
        Assert.Equal("Jaga.Engine", typeof(Jaga.Engine.Journal.MaintenanceJournal).Assembly.GetName().Name);
}
