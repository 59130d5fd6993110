using System.Globalization;
using System.Net;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Plan;

/// <summary>Checks of monitoring checks that the shape cannot express: a DNS name and an ICMP host that can be asked for,
/// and an <c>ssh</c> login's keys that only make sense with a <c>user</c>.</summary>
public static class PlanCheckRules
{
    private static readonly string[] LoginKeys = ["password", "key_file", "known_hosts", "fingerprint"];

    public static void Check(PMap root, string file, List<PlanError> errors)
    {
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
        }
    }

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
