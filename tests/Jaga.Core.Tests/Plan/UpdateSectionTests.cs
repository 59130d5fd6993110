using Jaga.Core.Plan;

namespace Jaga.Core.Tests.Plan;

/// <summary>The update section's keys of Step 8: the audit's threshold, the advisory data's age, suppressions.</summary>
public sealed class UpdateSectionTests
{
    [Fact]
    public void Absent_keys_get_their_documented_defaults()
    {
        var u = Plans.Valid(Plans.Header).Plan.Update;

        Assert.Equal(".", u.Root);
        Assert.Equal(FailOn.High, u.FailOn);
        Assert.Equal(TimeSpan.FromDays(7), u.AdvisoriesMaxAge);
        Assert.Equal(TimeSpan.FromMinutes(30), u.TestTimeout);
        Assert.Equal(8, u.Concurrency);
        Assert.Empty(u.Suppress);
    }

    [Fact]
    public void A_suppression_binds_with_its_day()
    {
        var u = Plans.Valid(Plans.Header + """
            update:
              fail_on: never
              suppress:
                - { advisory: CVE-2024-21907, reason: "not reachable", owner: rina, expires: 2027-03-31 }
            """).Plan.Update;

        Assert.Equal(FailOn.Never, u.FailOn);
        var s = Assert.Single(u.Suppress);
        Assert.Equal(("CVE-2024-21907", null, "not reachable", "rina", new DateOnly(2027, 3, 31)), (s.Advisory, s.Package, s.Reason, s.Owner, s.Expires));
    }

    [Theory]
    [InlineData("31-03-2027")]
    [InlineData("2027-02-30")]
    [InlineData("2027-03-31T00:00")]
    public void An_expiry_that_is_not_a_day_is_refused_at_its_place(string expires)
    {
        Plans.Reports(Plans.Load(Plans.Header + $"""
            update:
              suppress:
                - advisory: GHSA-5crp-9r3c-p9vr
                  reason: accepted
                  owner: rina
                  expires: "{expires}"
            """), $"jaga.yaml:8:16: update.suppress[0].expires: '{expires}' is not a date (write the day as YYYY-MM-DD");
    }

    [Fact]
    public void A_suppression_without_reason_or_owner_is_refused()
    {
        var result = Plans.Load(Plans.Header + """
            update:
              suppress:
                - { advisory: GHSA-5crp-9r3c-p9vr, expires: 2027-03-31 }
            """);

        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.ToString().Contains("reason", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.ToString().Contains("owner", StringComparison.Ordinal));
    }
}
