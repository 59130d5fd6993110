using Jaga.Core.Changes;
using Jaga.Core.Plan;

namespace Jaga.Readiness.Tests;

/// <summary>A plan change is significant when it touches backup destinations, retention, encryption, or removes a check.</summary>
public sealed class PlanSignificanceTests : IAsyncDisposable
{
    private readonly ReadinessProject project = new();

    private MaintenancePlan Plan(string to = "[local]", string keep = "{ daily: 7 }", string encrypt = "", string checks = "[web, api]",
        string destination = "backups", string schedule = "1d") =>
        project.Load(ReadinessProject.Plan($"""
            destinations:
              local: {"{"} path: {destination} {"}"}
              offsite: {"{"} path: /mnt/offsite {"}"}
            backup:
              - name: db
                source: {"{"} sqlite: app.db {"}"}
                to: {to}
                every: {schedule}
                keep: {keep}
            {encrypt}
            monitoring:
              checks:
            {string.Join("\n", checks.Trim('[', ']').Split(", ").Select(c => $"    - {{ name: {c}, tcp: \"127.0.0.1:5432\" }}"))}
            """)).Plan;

    [Fact]
    public void A_change_of_schedule_alone_is_not_significant()
    {
        Assert.Empty(PlanSignificance.Of(Plan(), Plan(schedule: "12h")));
    }

    [Fact]
    public void Destinations_targets_retention_encryption_and_a_removed_check_are_each_named()
    {
        var before = Plan();

        Assert.Equal(["destinations: local"], PlanSignificance.Of(before, Plan(destination: "elsewhere")));
        Assert.Equal(["backup targets: db"], PlanSignificance.Of(before, Plan(to: "[local, offsite]")));
        Assert.Equal(["retention: db"], PlanSignificance.Of(before, Plan(keep: "{ daily: 3 }")));
        Assert.Equal(["encryption: db"], PlanSignificance.Of(before,
            Plan(encrypt: "    encrypt: { recipients: [age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p] }")));
        Assert.Equal(["check removed: api"], PlanSignificance.Of(before, Plan(checks: "[web]")));
        Assert.Empty(PlanSignificance.Of(before, Plan(checks: "[web, api, db]")));
    }

    public ValueTask DisposeAsync() => project.DisposeAsync();
}
