using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Authentication;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan.Values;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>Runs a probe's body under the check's timeout and turns every failure of the target into an observation
/// whose error says why in words. Only the caller's own cancellation is thrown.</summary>
internal static class ProbeRun
{
    public delegate Task<CheckObservation> Body(CancellationToken ct, Func<TimeSpan> elapsed);

    public static async Task<CheckObservation> RunAsync(TimeSpan timeout, TimeProvider clock, Body body, Func<Exception, string?>? explain,
        CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        TimeSpan Elapsed() => clock.GetElapsedTime(started);
        using var limit = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        try
        {
            return await body(linked.Token, Elapsed);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && (limit.IsCancellationRequested || e is TimeoutException))
        {
            return Failed(Elapsed(), TimedOut(timeout));
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is not OperationCanceledException)
        {
            return Failed(Elapsed(), explain?.Invoke(e) ?? Describe(e));
        }
    }

    public static CheckObservation Failed(TimeSpan elapsed, string error) => new(false, elapsed) { Error = error };

    public static string TimedOut(TimeSpan timeout) => "timed out after " + DurationValue.Format(timeout);

    /// <summary>The words for a failure: refused, unreachable, DNS, TLS, or the exception's own message.</summary>
    public static string Describe(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case SocketException s:
                    return s.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => "connection refused",
                        SocketError.HostNotFound or SocketError.NoData => "DNS: host not found",
                        SocketError.TryAgain => "DNS: lookup failed (try again)",
                        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
                        SocketError.ConnectionReset => "connection reset by the server",
                        SocketError.TimedOut => "connection timed out",
                        _ => "network error: " + s.Message,
                    };
                case AuthenticationException a:
                    return "TLS handshake failed: " + a.Message;
            }
        }
        return e is UnreachableException ? "unexpected failure" : e.Message;
    }
}
