using System.Collections.Concurrent;
using Jaga.Core.Monitoring;
using Jaga.Engine.Monitoring;

namespace Jaga.Monitoring.Tests.Engine;

/// <summary>An alert sink that keeps what it is given (delivery itself is tested against real receivers in Notify/).</summary>
internal sealed class CollectingAlerts : IAlertSink
{
    public ConcurrentQueue<AlertMessage> Sent { get; } = new();

    public void Enqueue(AlertMessage alert) => Sent.Enqueue(alert);

    public IReadOnlyList<(string Check, AlertKind Kind)> Kinds() => [.. Sent.Select(a => (a.Check, a.Kind))];
}
