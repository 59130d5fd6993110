using Jaga.Core.Monitoring;

namespace Jaga.Engine.Monitoring;

/// <summary>Where alerts go: delivery happens elsewhere and never holds up the check that raised the alert.</summary>
public interface IAlertSink
{
    /// <summary>Queues an alert for its channels and returns at once.</summary>
    void Enqueue(AlertMessage alert);
}
