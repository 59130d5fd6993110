using Jaga.Core.Updates.Advisories;

namespace Jaga.Updates.Tests.Advisories;

/// <summary>CVSS v3.1 base scores against the worked examples of FIRST's "CVSS v3.1: Examples" document and the
/// Roundup cases of the specification's Appendix A.</summary>
public sealed class CvssTests
{
    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1)] // CVE-2013-1937 phpMyAdmin reflected XSS
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4)] // CVE-2013-0375 MySQL stored SQL injection
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1)] // CVE-2014-3566 SSLv3 POODLE
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9)] // CVE-2012-1516 VMware guest to host escape
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", 4.2)] // CVE-2009-0783 Apache Tomcat XML parser
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8)] // CVE-2012-0384 Cisco IOS command execution
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8)] // CVE-2015-1098 Apple iWork
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5)] // CVE-2014-0160 Heartbleed
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)] // CVE-2014-6271 Shellshock
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", 6.8)] // CVE-2008-1447 DNS cache poisoning
    [InlineData("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8)] // CVE-2014-2005 Sophos login screen bypass
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", 5.8)] // CVE-2010-0467 Joomla directory traversal
    [InlineData("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H", 9.3)] // CVE-2013-6014 Juniper proxy ARP
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", 5.4)] // CVE-2014-9253 DokuWiki reflected XSS
    [InlineData("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 4.6)] // CVE-2014-2019 Apple iOS security control bypass
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", 8.2)] // CVE-2016-5729 Lenovo BIOS
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0)] // no impact: 0 whatever the exploitability
    public void Base_scores_match_FIRSTs_examples(string vector, double expected) =>
        Assert.Equal(expected, Cvss.BaseScore(vector));

    [Theory]
    [InlineData(4.02, 4.1)]
    [InlineData(4.00, 4.0)]
    [InlineData(4.000000000000001, 4.0)] // floating-point noise is not rounded up
    [InlineData(6.01, 6.1)]
    public void Roundup_is_the_specifications(double value, double expected) => Assert.Equal(expected, Cvss.Roundup(value));

    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N")]
    [InlineData("AV:N/AC:L/Au:N/C:P/I:P/A:P")] // CVSS v2
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")] // A missing
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // no such value
    [InlineData("CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // a metric twice
    public void What_is_not_a_v3_base_vector_has_no_score(string vector) => Assert.Null(Cvss.BaseScore(vector));

    [Theory]
    [InlineData(0.0, Severity.Low)]
    [InlineData(3.9, Severity.Low)]
    [InlineData(4.0, Severity.Moderate)]
    [InlineData(6.9, Severity.Moderate)]
    [InlineData(7.0, Severity.High)]
    [InlineData(8.9, Severity.High)]
    [InlineData(9.0, Severity.Critical)]
    [InlineData(10.0, Severity.Critical)]
    public void Scores_fall_in_the_advisory_bands(double score, Severity severity) => Assert.Equal(severity, Cvss.SeverityOf(score));
}
