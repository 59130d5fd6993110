using Jaga.Core.Ports;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Monitoring;

/// <summary>What the monitoring jobs of one plan share: the check monitor, the host watch (when the plan has <c>host:</c>),
/// the result writer, the store and the journal.</summary>
public sealed record MonitorServices(CheckMonitor Monitor, HostWatch? Host, CheckResultWriter Results, IStateStore Store, MaintenanceJournal Journal, TimeProvider Clock);
