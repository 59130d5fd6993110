using System.Net;
using System.Net.Sockets;

namespace Jaga.Daemon.Tests;

/// <summary>A TCP server on loopback that accepts connections and never says a word: a database that hangs. Whatever
/// connects to it waits until it gives up by itself.</summary>
internal sealed class SilentServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> held = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public SilentServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>How many connections came so far.</summary>
    public int Accepted
    {
        get { lock (held) return held.Count; }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                // Kept open and never read from or written to.
                lock (held) held.Add(socket);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Ends with the listener; how does not matter.
        }
        lock (held) foreach (var s in held) s.Dispose();
        stop.Dispose();
    }
}
