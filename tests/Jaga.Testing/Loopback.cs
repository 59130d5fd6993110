using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Jaga.Testing;

/// <summary>The fixtures' servers listen on 127.0.0.1 only, each on a port the system says is free.</summary>
public static class Loopback
{
    /// <summary>The first port of the kernel's ephemeral range (<c>ip_local_port_range</c>; 32768 by default).</summary>
    private static readonly Lazy<int> Ephemeral = new(() =>
    {
        try
        {
            var first = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
            return int.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 32768;
        }
    });

    /// <summary>A free port below the ephemeral range. A port that bind(0) hands out lies in that range, where any outgoing
    /// connection of the tests running in parallel may take it between this check and the server's own bind (a daemon
    /// then fails with "address already in use"); below it, only a server that chose the same port can.</summary>
    public static int FreePort()
    {
        var high = Ephemeral.Value;
        var low = Math.Max(1024, high - 12000);
        for (var attempt = 0; attempt < 100 && high - low > 100; attempt++)
        {
            var port = Random.Shared.Next(low, high);
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
            finally
            {
                listener.Stop();
            }
        }
        var any = new TcpListener(IPAddress.Loopback, 0);
        any.Start();
        var free = ((IPEndPoint)any.LocalEndpoint).Port;
        any.Stop();
        return free;
    }

    /// <summary>Waits until <paramref name="server"/> accepts TCP connections on 127.0.0.1:<paramref name="port"/>: false
    /// when it exited first (a port taken meanwhile) or did not listen within <paramref name="within"/>.</summary>
    public static async Task<bool> ListeningAsync(Process? server, int port, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < within)
        {
            if (server is null || server.HasExited) return false;
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        return false;
    }
}
