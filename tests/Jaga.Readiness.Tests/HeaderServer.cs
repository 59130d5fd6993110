using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Jaga.Readiness.Tests;

/// <summary>A plain HTTP/1.1 server on a free loopback port that answers every request with 200 and the headers it was given,
/// for the security-headers probe. Stopped when disposed.</summary>
internal sealed class HeaderServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;
    private readonly string response;

    public HeaderServer(params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\nConnection: close\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        response = head.Append("\r\nok").ToString();
        listener.Start();
        serving = ServeAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";

    public int Requests { get; private set; }

    private async Task ServeAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                await using var stream = client.GetStream();
                var buffer = new byte[8192];
                var read = 0;
                // Read the request head, then answer.
                while (!Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal) && read < buffer.Length)
                {
                    var n = await stream.ReadAsync(buffer.AsMemory(read), stop.Token);
                    if (n == 0) break;
                    read += n;
                }
                Requests++;
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await serving;
        stop.Dispose();
    }
}
