using System.Globalization;
using System.Net;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Plan;

/// <summary>Checks of monitoring checks that the shape cannot express: a DNS name and an ICMP host that can be asked for,
/// an <c>ssh</c> login's keys that only make sense with a <c>user</c>, and a <c>domain</c> that names a domain, on a
/// check that reads it; a <c>monitoring.resolver</c> given by address.</summary>
public static class PlanCheckRules
{
    private static readonly string[] LoginKeys = ["password", "key_file", "known_hosts", "fingerprint"];

    public static void Check(PMap root, string file, List<PlanError> errors)
    {
        if ((root["monitoring"] as PMap)?["resolver"] is PScalar { IsNull: false, Unresolved: false } resolver && !IsAddressAndPort(resolver.Value.Trim()))
            Add(errors, file, resolver.Mark, "monitoring.resolver", new Phrase("plan.error.resolver.address", [resolver.Value.Trim()]), new Phrase("plan.hint.resolver.address"));
        if ((root["monitoring"] as PMap)?["checks"] is not PList checks) return;
        for (var i = 0; i < checks.Items.Count; i++)
        {
            if (checks.Items[i] is not PMap check) continue;
            var at = $"monitoring.checks[{i}]";
            if (check["dns"] is PMap dns && dns["name"] is PScalar { IsNull: false, Unresolved: false } name && !IsDnsName(name.Value.Trim()))
                Add(errors, file, name.Mark, $"{at}.dns.name", new Phrase("plan.error.dns.name", [name.Value.Trim()]), new Phrase("plan.hint.dns.name"));
            if (check["icmp"] is PScalar { IsNull: false, Unresolved: false } icmp && !IsHost(icmp.Value.Trim()))
                Add(errors, file, icmp.Mark, $"{at}.icmp", new Phrase("plan.error.icmp.host", [icmp.Value.Trim()]), new Phrase("plan.hint.icmp.host"));
            if (check["ssh"] is PMap ssh && ssh["user"] is null)
                foreach (var key in LoginKeys.Where(k => ssh[k] is not null))
                    Add(errors, file, ssh.Mark, $"{at}.ssh.{key}", new Phrase("plan.error.ssh.user", [key]), new Phrase("plan.hint.ssh.user"));
            if (check["domain"] is PScalar { IsNull: false, Unresolved: false } domain) CheckDomain(check, domain, $"{at}.domain", file, errors);
        }
    }

    /// <summary>[DOMAIN_EXPIRATION] is read by <c>http</c> and <c>tls</c> checks only, of a registered domain: a name of two
    /// labels or more, not an address.</summary>
    private static void CheckDomain(PMap check, PScalar domain, string at, string file, List<PlanError> errors)
    {
        var name = domain.Value.Trim();
        if (check["http"] is null && check["tls"] is null)
            Add(errors, file, domain.Mark, at, new Phrase("plan.error.domain.kind"), new Phrase("plan.hint.domain.kind"));
        else if (!IsHost(name) || IPAddress.TryParse(name, out _) || !name.TrimEnd('.').Contains('.', StringComparison.Ordinal))
            Add(errors, file, domain.Mark, at, new Phrase("plan.error.domain.name", [name]), new Phrase("plan.hint.domain.name"));
    }

    /// <summary>An IP address and a port (the shape made sure of the port): <c>10.0.0.2:53</c>, <c>[fd00::53]:53</c>.</summary>
    private static bool IsAddressAndPort(string value) =>
        value.LastIndexOf(':') is var colon and > 0 && IPAddress.TryParse(value[..colon].Trim('[', ']'), out _);

    /// <summary>A DNS name: dot-separated labels of 1 to 63 printable characters, 253 in all, an optional final dot.</summary>
    public static bool IsDnsName(string name)
    {
        var text = name.EndsWith('.') && name.Length > 1 ? name[..^1] : name;
        return text.Length is > 0 and <= 253
            && text.Split('.').All(l => l.Length is > 0 and <= 63 && l.All(c => c is > ' ' and < (char)127 && c != '/' && c != ':' && c != '@'));
    }

    /// <summary>An ICMP target: an IP address or a host name, with no port, scheme or path.</summary>
    public static bool IsHost(string host) =>
        IPAddress.TryParse(host, out _) || (IsDnsName(host) && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')
            && !int.TryParse(host.Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out _));

    private static void Add(List<PlanError> errors, string file, Mark mark, string path, Phrase message, Phrase hint) =>
        errors.Add(PlanError.Of(file, mark, new Phrase("plan.error.at", [path, message]), hint));
}
