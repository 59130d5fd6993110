using System.Globalization;
using DnsClient;
using DnsClient.Protocol;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>A <c>dns</c> check: one query (recursion desired, no cache, TCP when the UDP answer is truncated) to the
/// plan's server. [CONNECTED] when it answered; [DNS_RCODE] its response code by Gatus's names (NOERROR, NXDOMAIN,
/// SERVFAIL, …); [BODY] the value of the last answer record, as Gatus gives it (an address, a name with its final dot).</summary>
internal sealed class DnsProbe(DnsCheck check, ProbeContext context) : ICheckProbe
{
    public Task<CheckObservation> ObserveAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var (host, port) = HostPortText.Split(check.Dns.Server);
            var address = (await context.Resolver.AddressesAsync(host, token))[0];
            var options = new LookupClientOptions(new NameServer(address, port))
            {
                UseCache = false,
                Retries = 0,
                Timeout = check.Timeout,
                ThrowDnsErrors = false,
                ContinueOnDnsError = false,
                ContinueOnEmptyResponse = false,
                UseTcpFallback = true,
                Recursion = true,
            };
            var client = new LookupClient(options);
            var type = Enum.Parse<QueryType>(check.Dns.Type, ignoreCase: true);
            var response = await client.QueryAsync(check.Dns.Name, type, QueryClass.IN, token);
            var rcode = RcodeName((int)response.Header.ResponseCode);
            return new CheckObservation(true, elapsed())
            {
                Body = response.Answers.Select(Value).LastOrDefault(v => v is not null),
                Values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [CheckVerdict.DnsRcode] = rcode },
            };
        }, e => e is DnsResponseException { Code: DnsResponseCode.ConnectionTimeout } ? ProbeRun.TimedOut(check.Timeout) : null, ct);

    /// <summary>The names Gatus gives response codes (those of miekg/dns, after RFC 6895).</summary>
    public static string RcodeName(int code) => code switch
    {
        0 => "NOERROR",
        1 => "FORMERR",
        2 => "SERVFAIL",
        3 => "NXDOMAIN",
        4 => "NOTIMP",
        5 => "REFUSED",
        6 => "YXDOMAIN",
        7 => "YXRRSET",
        8 => "NXRRSET",
        9 => "NOTAUTH",
        10 => "NOTZONE",
        _ => code.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>What [BODY] is for one answer record: Gatus's value for A, AAAA, CNAME, MX and NS, and the like for the rest.</summary>
    private static string? Value(DnsResourceRecord record) => record switch
    {
        ARecord a => a.Address.ToString(),
        AaaaRecord aaaa => aaaa.Address.ToString(),
        CNameRecord cname => cname.CanonicalName.Value,
        MxRecord mx => mx.Exchange.Value,
        NsRecord ns => ns.NSDName.Value,
        PtrRecord ptr => ptr.PtrDomainName.Value,
        SrvRecord srv => srv.Target.Value,
        TxtRecord txt => string.Concat(txt.Text),
        CaaRecord caa => caa.Value,
        SoaRecord soa => soa.MName.Value,
        _ => null,
    };
}
