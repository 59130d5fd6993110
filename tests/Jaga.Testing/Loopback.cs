using System.Net;
using System.Net.Sockets;

namespace Jaga.Testing;

/// <summary>The fixtures' servers listen on 127.0.0.1 only, each on a port the system says is free.</summary>
public static class Loopback
{
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
