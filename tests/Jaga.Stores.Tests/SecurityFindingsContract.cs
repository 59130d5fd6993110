using Jaga.Core.Ports;
using Jaga.Core.Updates.Advisories;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>What every store's <see cref="ISecurityFindings"/> promises, written once and run against each adapter: a finding
/// keeps the time it was first seen across readings, only a complete reading of the same source and scope resolves what it no
/// longer reports, a resolved finding reported again is a new one, and the latest reading of each source is kept.</summary>
public abstract class SecurityFindingsContract : StoreContract
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    private static readonly SecurityFindingSeen Json =
        new("NuGet", "Newtonsoft.Json", "12.0.1", "GHSA-5crp-9r3c-p9vr", Severity.High, "13.0.1");

    private static readonly SecurityFindingSeen Lodash = new("npm", "lodash", "4.17.20", "GHSA-35jh-r3h4-6jhm", Severity.Critical, null);

    private static readonly SecurityFindingSeen OpenSsl = new("deb", "openssl", "3.0.19-1~deb12u2", "Debian-Security", Severity.Unknown, "3.0.22-1~deb12u2");

    private SecurityReading Audit(bool complete, params SecurityFindingSeen[] findings) =>
        new(SecurityFindingSource.Dependency, "", Now, complete, findings);

    private SecurityReading Patches(string node, params SecurityFindingSeen[] findings) =>
        new(SecurityFindingSource.OsPackage, node, Now, true, findings);

    private async Task<ISecurityFindings> FindingsAsync() => (await OpenAsync()).Security;

    [Fact]
    public async Task A_new_store_has_no_finding_and_no_reading()
    {
        var findings = await FindingsAsync();

        Assert.Empty(await findings.PendingAsync());
        Assert.Empty(await findings.ResolvedAsync(10));
        Assert.Empty(await findings.ReadingsAsync());
    }

    [Fact]
    public async Task A_reported_finding_is_pending_with_every_field_and_keeps_its_first_seen_time_when_reported_again()
    {
        var findings = await FindingsAsync();
        Clock.Advance(TimeSpan.FromTicks(12_345)); // sub-millisecond ticks, which the store drops
        var first = Now;

        Assert.Equal(new SecurityReadingRecorded(2, 0, 0), await findings.RecordAsync(Audit(true, Json, Lodash)));
        Clock.Advance(TimeSpan.FromDays(3));
        var newer = Json with { Version = "12.0.3", Severity = Severity.Critical };
        Assert.Equal(new SecurityReadingRecorded(0, 2, 0), await findings.RecordAsync(Audit(true, newer, Lodash)));

        var ms = first.AddTicks(-(first.UtcTicks % TimeSpan.TicksPerMillisecond));
        Assert.Equal(
            [
                new SecurityFinding(SecurityFindingSource.Dependency, "", "NuGet", "Newtonsoft.Json", "12.0.3", "GHSA-5crp-9r3c-p9vr", Severity.Critical,
                    "13.0.1", ms, ms + TimeSpan.FromDays(3), null),
                new SecurityFinding(SecurityFindingSource.Dependency, "", "npm", "lodash", "4.17.20", "GHSA-35jh-r3h4-6jhm", Severity.Critical,
                    null, ms, ms + TimeSpan.FromDays(3), null),
            ],
            (await findings.PendingAsync()).OrderBy(f => f.Ecosystem, StringComparer.Ordinal));
        Assert.Equal(TimeSpan.FromDays(3), (await findings.PendingAsync())[0].OpenFor(ms + TimeSpan.FromDays(3)));
    }

    [Fact]
    public async Task A_complete_reading_resolves_what_it_no_longer_reports_at_its_time()
    {
        var findings = await FindingsAsync();
        await findings.RecordAsync(Audit(true, Json, Lodash));
        Clock.Advance(TimeSpan.FromHours(5));

        Assert.Equal(new SecurityReadingRecorded(0, 1, 1), await findings.RecordAsync(Audit(true, Lodash)));

        Assert.Equal("lodash", Assert.Single(await findings.PendingAsync()).Package);
        var resolved = Assert.Single(await findings.ResolvedAsync(10));
        Assert.Equal(("Newtonsoft.Json", Now), (resolved.Package, resolved.ResolvedAt!.Value));
        Assert.Equal(TimeSpan.FromHours(5), resolved.OpenFor(Now + TimeSpan.FromDays(9)));
    }

    [Fact]
    public async Task An_incomplete_reading_refreshes_and_opens_findings_but_resolves_none()
    {
        var findings = await FindingsAsync();
        await findings.RecordAsync(Audit(true, Json));
        Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(new SecurityReadingRecorded(1, 0, 0), await findings.RecordAsync(Audit(false, Lodash)));

        Assert.Equal(["Newtonsoft.Json", "lodash"], (await findings.PendingAsync()).Select(f => f.Package));
        Assert.Empty(await findings.ResolvedAsync(10));
    }

    [Fact]
    public async Task A_reading_resolves_only_its_own_source_and_scope()
    {
        var findings = await FindingsAsync();
        await findings.RecordAsync(Audit(true, Json));
        await findings.RecordAsync(Patches("node-a", OpenSsl));
        await findings.RecordAsync(Patches("node-b", OpenSsl));
        Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(new SecurityReadingRecorded(0, 0, 1), await findings.RecordAsync(Patches("node-a")));

        Assert.Equal([(SecurityFindingSource.Dependency, ""), (SecurityFindingSource.OsPackage, "node-b")],
            (await findings.PendingAsync()).Select(f => (f.Source, f.Scope)).Order());
        Assert.Equal("node-a", Assert.Single(await findings.ResolvedAsync(10)).Scope);
    }

    [Fact]
    public async Task A_finding_resolved_then_reported_again_is_a_new_finding_seen_from_then()
    {
        var findings = await FindingsAsync();
        await findings.RecordAsync(Audit(true, Json));
        Clock.Advance(TimeSpan.FromDays(1));
        await findings.RecordAsync(Audit(true));
        Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(new SecurityReadingRecorded(1, 0, 0), await findings.RecordAsync(Audit(true, Json)));

        Assert.Equal(Now, Assert.Single(await findings.PendingAsync()).FirstSeen);
        Assert.Single(await findings.ResolvedAsync(10));
    }

    [Fact]
    public async Task Two_readings_at_the_same_instant_still_resolve_what_the_second_does_not_report()
    {
        // The reading's own identity decides what it touched, not the clock (a fake one, or two readings within a millisecond).
        var findings = await FindingsAsync();
        await findings.RecordAsync(Audit(true, Json, Lodash));

        await findings.RecordAsync(Audit(true, Json));

        Assert.Equal("Newtonsoft.Json", Assert.Single(await findings.PendingAsync()).Package);
        Assert.Equal(Now, Assert.Single(await findings.ResolvedAsync(10)).ResolvedAt);
    }

    [Fact]
    public async Task The_latest_reading_of_each_source_and_scope_is_kept_even_with_no_finding()
    {
        var findings = await FindingsAsync();
        await findings.RecordAsync(Audit(false, Json));
        await findings.RecordAsync(Patches("node-a"));
        Clock.Advance(TimeSpan.FromHours(2));
        await findings.RecordAsync(Audit(true));

        Assert.Equal(
            [
                new SecurityReadingMark(SecurityFindingSource.Dependency, "", Now, true, 0),
                new SecurityReadingMark(SecurityFindingSource.OsPackage, "node-a", Now - TimeSpan.FromHours(2), true, 0),
            ],
            (await findings.ReadingsAsync()).OrderBy(m => m.Source));
    }

    [Fact]
    public async Task Resolved_findings_come_latest_first_up_to_the_limit()
    {
        var findings = await FindingsAsync();
        await findings.RecordAsync(Audit(true, Json, Lodash));
        Clock.Advance(TimeSpan.FromHours(1));
        await findings.RecordAsync(Audit(true, Lodash));
        Clock.Advance(TimeSpan.FromHours(1));
        await findings.RecordAsync(Audit(true));

        Assert.Equal(["lodash", "Newtonsoft.Json"], (await findings.ResolvedAsync(10)).Select(f => f.Package));
        Assert.Equal(["lodash"], (await findings.ResolvedAsync(1)).Select(f => f.Package));
    }

    [Fact]
    public async Task Readings_from_several_stores_at_once_never_open_a_finding_twice()
    {
        // Several processes (or nodes) auditing at the same time: the pending index and the store's transaction decide.
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OpenAsync()));

        var results = await Task.WhenAll(stores.SelectMany(s => Enumerable.Range(0, 5).Select(_ => s.Security.RecordAsync(Audit(true, Json, Lodash)))));

        Assert.Equal(2, results.Sum(r => r.Opened));
        Assert.Equal(2, (await stores[0].Security.PendingAsync()).Count);
        Assert.Empty(await stores[0].Security.ResolvedAsync(10));
    }

    [Fact]
    public async Task A_store_at_version_5_is_migrated_to_version_6_keeping_its_drills()
    {
        var old = await OpenAsync();
        await old.Drills.RecordAsync(new DrillResult("db", null, Now, Now, DrillOutcome.Failed, null, null, "no backup", "node-a"));
        var before = await old.MigrationsAsync();
        // What a store written by a Jaga before security findings looks like.
        await ExecuteSqlAsync("DROP TABLE security_findings; DROP TABLE security_readings; DELETE FROM jaga_schema WHERE version = 6;");
        Clock.Advance(TimeSpan.FromDays(30));

        var store = await OpenAsync();

        Assert.Equal([.. before.Take(5), new AppliedMigration(6, before[5].Name, Now), .. before.Skip(6)], await store.MigrationsAsync());
        Assert.Single(await store.Drills.ListAsync("db", 10));
        await store.Security.RecordAsync(Audit(true, Json));
        Assert.Single(await store.Security.PendingAsync());
    }
}
