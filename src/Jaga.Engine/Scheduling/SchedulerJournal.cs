using System.Globalization;
using Jaga.Core.Journal;
using Jaga.Engine.Journal;
using Microsoft.Extensions.Logging;

namespace Jaga.Engine.Scheduling;

/// <summary>The scheduler's own log lines (caught up, skipped, timed out, interrupted, lost, crashed). A line that cannot be
/// written because the state store is away is retried until it is back or the node stops: the record is not dropped.</summary>
internal sealed class SchedulerJournal(MaintenanceJournal journal, TimeProvider clock, ILogger logger, TimeZoneInfo zone)
{
    public string Local(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public string Format(JournalEvent e) => journal.Describe(e);

    /// <summary>A run's detail as it may be stored and shown (status, metrics): with the plan's secrets hidden, as log lines are.</summary>
    public string? Redact(string? text) => text is null ? null : journal.Redactor.Redact(text);

    public async Task RecordAsync(JournalEvent journalEvent, CancellationToken stopping)
    {
        for (var delay = TimeSpan.FromMilliseconds(250); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks)))
        {
            try
            {
                await journal.RecordAsync(journalEvent, ct: CancellationToken.None);
                return;
            }
            catch (Exception e) when (Faults.IsStoreFault(e))
            {
                logger.LogWarning("could not record '{Key}' yet, the state store is unreachable: {Reason}; retrying", journalEvent.MessageKey, e.Message);
                if (stopping.IsCancellationRequested) return;
                try { await Task.Delay(delay, clock, stopping); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
