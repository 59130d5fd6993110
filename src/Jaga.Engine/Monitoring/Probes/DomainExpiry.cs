using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>[DOMAIN_EXPIRATION]: when a host's domain registration expires, from RDAP (RFC 9083): IANA's bootstrap file
/// (RFC 9224, <c>monitoring.rdap.bootstrap</c>) names the RDAP server of the top-level domain, which answers
/// <c>domain/NAME</c> with an <c>expiration</c> event. Both answers are kept for <c>monitoring.rdap.cache</c> (a domain's
/// expiry changes once a year; Gatus caches it too), a failure for at most an hour, so a thousand checks of one domain
/// ask once.</summary>
/// <remarks>The domain is the check's <c>domain</c> when it names one, else the host name's last two labels
/// (<c>api.shop.example.com</c> → <c>example.com</c>); a domain registered under a second-level suffix (<c>example.co.uk</c>)
/// is not found that way, nor one behind an address, so the check names it.</remarks>
public sealed class DomainExpiry(RdapSettings settings, HttpClient http, TimeProvider clock)
{
    /// <summary>How long a failed lookup is kept before it is tried again.</summary>
    private static readonly TimeSpan RetryFailure = TimeSpan.FromHours(1);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, Known> domains = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<Known>>> inflight = new(StringComparer.Ordinal);
    private (DateTimeOffset At, IReadOnlyDictionary<string, Uri> Servers)? bootstrap;

    /// <summary>Whether any condition of <paramref name="check"/> reads [DOMAIN_EXPIRATION] (only then is RDAP asked).</summary>
    public static bool Wanted(Check check) =>
        check.Expect.Any(e => e.Contains("[" + ProbeValues.DomainExpirationName + "]", StringComparison.OrdinalIgnoreCase));

    /// <summary>The observation with [DOMAIN_EXPIRATION] (milliseconds left, negative once expired) when the registry
    /// says; as it was otherwise, the condition then failing on an absent value whose reason says why.</summary>
    /// <param name="seen">What the probe saw.</param>
    /// <param name="host">The host the check connected to, whose last two labels are the domain unless <paramref name="domain"/> is given.</param>
    /// <param name="domain">The check's <c>domain</c>: the registered domain as the plan names it, or null.</param>
    /// <param name="ct">Stops waiting (not the lookup, which other checks may share).</param>
    public async Task<CheckObservation> AddAsync(CheckObservation seen, string host, string? domain, CancellationToken ct)
    {
        var known = await LookUpAsync(domain is null ? DomainOf(host) : Ascii(domain), domain ?? host, ct);
        if (known.Expires is not { } expires) return seen with { Absent = ProbeValues.With(seen.Absent, ProbeValues.DomainExpirationName, known.Error ?? "RDAP: no answer") };
        var left = (long)(expires - clock.GetUtcNow()).TotalMilliseconds;
        return seen with { Values = ProbeValues.With(seen.Values, ProbeValues.DomainExpirationName, left.ToString(CultureInfo.InvariantCulture)) };
    }

    /// <summary>The registered domain of <paramref name="host"/>: its last two labels, in lower case ASCII; null for an
    /// address or a single label.</summary>
    public static string? DomainOf(string host)
    {
        var labels = Ascii(host)?.Split('.');
        return labels is null || labels.Length < 2 ? null : $"{labels[^2]}.{labels[^1]}";
    }

    /// <summary>A name in lower case ASCII (IDNA), without its final dot; null for an address or what is no name.</summary>
    private static string? Ascii(string name)
    {
        name = name.Trim().TrimEnd('.').ToLowerInvariant();
        if (name.Length == 0 || IPAddress.TryParse(name.Trim('[', ']'), out _)) return null;
        try
        {
            return new IdnMapping().GetAscii(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private async Task<Known> LookUpAsync(string? domain, string named, CancellationToken ct)
    {
        if (domain is null || !domain.Contains('.', StringComparison.Ordinal))
            return new Known(clock.GetUtcNow(), null, $"RDAP: '{named}' names no domain");
        if (Fresh(domain) is { } cached) return cached;
        // Checks asking for the same domain at once share one question.
        var asking = inflight.GetOrAdd(domain, d => new Lazy<Task<Known>>(() => AskSafelyAsync(d)));
        try
        {
            return await asking.Value.WaitAsync(ct);
        }
        finally
        {
            if (asking.Value.IsCompleted) inflight.TryRemove(KeyValuePair.Create(domain, asking));
        }
    }

    /// <summary>Asks under its own timeout (the question is shared, so no one check's cancellation stops it) and keeps the
    /// answer, or the failure in words.</summary>
    private async Task<Known> AskSafelyAsync(string domain)
    {
        using var limit = new CancellationTokenSource(Timeout, clock);
        Known known;
        try
        {
            known = await AskAsync(domain, limit.Token);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException or InvalidOperationException
            or FormatException or KeyNotFoundException or UriFormatException)
        {
            known = new Known(clock.GetUtcNow(), null, $"RDAP: {(e is OperationCanceledException ? "no answer within 15s" : e.Message)}");
        }
        domains[domain] = known;
        return known;
    }

    private Known? Fresh(string domain) =>
        domains.TryGetValue(domain, out var known) && clock.GetUtcNow() - known.At < (known.Expires is null ? Min(RetryFailure, settings.Cache) : settings.Cache)
            ? known : null;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async Task<Known> AskAsync(string domain, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var servers = await ServersAsync(ct);
        var tld = domain[(domain.LastIndexOf('.') + 1)..];
        if (!servers.TryGetValue(tld, out var server)) return new Known(now, null, $"RDAP: the bootstrap file names no server for .{tld}");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, "domain/" + domain));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/rdap+json"));
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return new Known(now, null, $"RDAP: {domain} is not registered");
        if (!response.IsSuccessStatusCode) return new Known(now, null, $"RDAP: {server.Host} answered {(int)response.StatusCode} for {domain}");
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        if (answer.RootElement.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array)
            foreach (var e in events.EnumerateArray())
                if (e.TryGetProperty("eventAction", out var action) && action.GetString() == "expiration"
                    && e.TryGetProperty("eventDate", out var date)
                    && DateTimeOffset.TryParse(date.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
                    return new Known(now, expires, null);
        return new Known(now, null, $"RDAP: {server.Host} gives no expiration for {domain}");
    }

    /// <summary>The RDAP server per top-level domain from the bootstrap file (https preferred, as RFC 9224 asks).</summary>
    private async Task<IReadOnlyDictionary<string, Uri>> ServersAsync(CancellationToken ct)
    {
        if (bootstrap is { } b && clock.GetUtcNow() - b.At < settings.Cache) return b.Servers;
        var at = clock.GetUtcNow();
        using var response = await http.GetAsync(new Uri(settings.Bootstrap), ct);
        response.EnsureSuccessStatusCode();
        using var file = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var servers = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var service in file.RootElement.GetProperty("services").EnumerateArray())
        {
            var urls = service[1].EnumerateArray().Select(u => u.GetString()).OfType<string>().ToList();
            if ((urls.FirstOrDefault(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? urls.FirstOrDefault()) is not { } url) continue;
            var uri = new Uri(url.EndsWith('/') ? url : url + "/");
            foreach (var tld in service[0].EnumerateArray()) servers[tld.GetString()!.ToLowerInvariant()] = uri;
        }
        bootstrap = (at, servers);
        return servers;
    }

    private sealed record Known(DateTimeOffset At, DateTimeOffset? Expires, string? Error);
}
