using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates.Advisories;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Updates.Tests.Feed;

/// <summary>The <c>updates</c> check's judgement of the pending security findings: overdue is strictly longer than
/// <c>overdue_after</c> since first seen, read on a clock the test moves; no audit ever recorded is said, not taken for
/// "nothing pending".</summary>
public sealed class UpdatesVerdictTests
{
    private static readonly UpdatesWatch Week = new(TimeSpan.FromDays(7));

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => clock.GetUtcNow();

    private static SecurityFinding Dependency(string package, string version, string advisory, DateTimeOffset firstSeen, DateTimeOffset lastSeen) =>
        new(SecurityFindingSource.Dependency, "", "NuGet", package, version, advisory, Severity.High, "13.0.1", firstSeen, lastSeen, null);

    private static SecurityReadingMark Audit(DateTimeOffset at, bool complete = true, int findings = 1) =>
        new(SecurityFindingSource.Dependency, "", at, complete, findings);

    [Fact]
    public void A_finding_pending_exactly_overdue_after_is_on_time_and_a_millisecond_later_overdue()
    {
        var seen = Now;
        var finding = Dependency("Newtonsoft.Json", "12.0.1", "GHSA-5crp-9r3c-p9vr", seen, seen);

        clock.Advance(TimeSpan.FromDays(7));
        var onTime = UpdatesVerdict.Judge(Week, [finding], [Audit(Now)], Now);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var late = UpdatesVerdict.Judge(Week, [finding], [Audit(Now)], Now);

        Assert.Null(onTime.Warning);
        Assert.Equal(("1", "0", "604800000"), (onTime.Values["PENDING"], onTime.Values["OVERDUE"], onTime.Values["OLDEST"]));
        Assert.Equal("1 security update(s) pending, none overdue (oldest open 7d); last dependency audit 0s ago", onTime.Body);
        Assert.Equal("1 security update(s) overdue (pending longer than 7d): Newtonsoft.Json 12.0.1 GHSA-5crp-9r3c-p9vr (open 7d)", late.Warning);
        Assert.Equal(("1", "1"), (late.Values["PENDING"], late.Values["OVERDUE"]));
    }

    [Fact]
    public void Overdue_counts_from_first_seen_however_recently_the_finding_was_seen_again()
    {
        var finding = Dependency("Newtonsoft.Json", "12.0.1", "GHSA-5crp-9r3c-p9vr", Now, Now);
        clock.Advance(TimeSpan.FromDays(9) + TimeSpan.FromHours(5) + TimeSpan.FromMinutes(40));

        var verdict = UpdatesVerdict.Judge(Week, [finding with { LastSeen = Now }], [Audit(Now - TimeSpan.FromHours(2))], Now);

        Assert.Equal("1 security update(s) overdue (pending longer than 7d): Newtonsoft.Json 12.0.1 GHSA-5crp-9r3c-p9vr (open 9d5h)", verdict.Warning);
        Assert.Equal("7200000", verdict.Values["AUDIT_AGE"]);
        Assert.True(verdict.Connected);
    }

    [Fact]
    public void No_finding_after_an_audit_is_up_and_says_when_the_audit_was()
    {
        clock.Advance(TimeSpan.FromHours(3));

        var verdict = UpdatesVerdict.Judge(Week, [], [Audit(Now - TimeSpan.FromHours(3), findings: 0)], Now);

        Assert.Null(verdict.Warning);
        Assert.Equal("no security update pending; last dependency audit 3h ago", verdict.Body);
        Assert.Equal(("0", "0", "0"), (verdict.Values["PENDING"], verdict.Values["OVERDUE"], verdict.Values["OLDEST"]));
    }

    [Fact]
    public void No_audit_ever_recorded_is_a_warning_that_says_to_run_the_audit_and_has_no_audit_age()
    {
        var verdict = UpdatesVerdict.Judge(Week, [], [], Now, Catalog.Indonesian);

        Assert.Equal("belum ada audit dependensi yang tercatat: jalankan 'jaga deps audit'", verdict.Warning);
        Assert.False(verdict.Values.ContainsKey("AUDIT_AGE"));
        Assert.Equal("no dependency audit recorded yet: run 'jaga deps audit'", UpdatesVerdict.Judge(Week, [], [], Now).Warning);
    }

    [Fact]
    public void An_incomplete_last_audit_is_said_in_what_a_pass_rests_on()
    {
        var verdict = UpdatesVerdict.Judge(Week, [], [Audit(Now - TimeSpan.FromMinutes(5), complete: false, findings: 0)], Now);

        Assert.Equal("no security update pending; last dependency audit 5m ago, incomplete (findings it could not judge stay pending)", verdict.Body);
    }

    [Fact]
    public void Overdue_os_packages_name_their_node_and_archive_and_more_than_five_are_counted()
    {
        var start = Now;
        clock.Advance(TimeSpan.FromDays(30));
        var os = new SecurityFinding(SecurityFindingSource.OsPackage, "web-1", "deb", "openssl", "3.0.19-1~deb12u2", "Debian-Security", Severity.Unknown,
            "3.0.22-1~deb12u2", start, Now, null);
        List<SecurityFinding> many = [os, .. Enumerable.Range(1, 6).Select(i => Dependency($"Pkg{i}", "1.0.0", $"GHSA-000{i}", start + TimeSpan.FromDays(i), Now))];

        var verdict = UpdatesVerdict.Judge(Week, many, [Audit(Now)], Now);

        Assert.Equal("7 security update(s) overdue (pending longer than 7d): openssl 3.0.19-1~deb12u2 on web-1 from Debian-Security (open 30d), "
            + "Pkg1 1.0.0 GHSA-0001 (open 29d), Pkg2 1.0.0 GHSA-0002 (open 28d), Pkg3 1.0.0 GHSA-0003 (open 27d), Pkg4 1.0.0 GHSA-0004 (open 26d), and 2 more",
            verdict.Warning);
        Assert.Equal(("7", "7", "2592000000"), (verdict.Values["PENDING"], verdict.Values["OVERDUE"], verdict.Values["OLDEST"]));
    }

    [Fact]
    public void Without_an_audit_overdue_os_updates_are_still_named_after_the_missing_audit()
    {
        var os = new SecurityFinding(SecurityFindingSource.OsPackage, "web-1", "deb", "openssl", "3.0.19", "Debian-Security", Severity.Unknown, "3.0.22",
            Now - TimeSpan.FromDays(8), Now, null);

        var verdict = UpdatesVerdict.Judge(Week, [os], [new SecurityReadingMark(SecurityFindingSource.OsPackage, "web-1", Now, true, 1)], Now);

        Assert.Equal("no dependency audit recorded yet: run 'jaga deps audit'; 1 security update(s) overdue (pending longer than 7d): "
            + "openssl 3.0.19 on web-1 from Debian-Security (open 8d)", verdict.Warning);
    }
}
