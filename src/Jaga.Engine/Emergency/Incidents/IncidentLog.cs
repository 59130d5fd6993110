using System.Collections.Concurrent;
using Jaga.Core.Journal.Events.Emergency;
using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Emergency.Incidents;

/// <summary>Opens, adds to and closes incidents as things happen: a check that goes down, the alerts about it, its recovery; a
/// backup job that fails and its next success; a person who opens, acknowledges or closes one by hand; and (through
/// <see cref="AddEventAsync"/>) the runbook runs, steps and approvals of an incident.</summary>
/// <remarks>Which incident is open for a key is decided by the store (<see cref="IIncidents.OpenAsync"/>), so with several
/// nodes on one store the node whose opening wins is the one that writes "Incident #N opened"; the others add their lines to
/// that incident. Opening, acknowledging and closing each write one maintenance-log line and audit entry; timeline lines do not
/// (what they record has its own line already: the check's change, the alert sent). Every text is masked with the plan's
/// secrets and bounded before it is stored.</remarks>
public sealed class IncidentLog(IIncidents incidents, MaintenanceJournal journal, TimeProvider clock)
{
    /// <summary>Who closes an incident on recovery.</summary>
    public const string Jaga = "jaga";

    /// <summary>The source of an incident an alert opened.</summary>
    public const string Alert = "alert";

    /// <summary>The longest text a timeline line, title or note keeps.</summary>
    public const int MaxText = 4000;

    /// <summary>The incident each key last had in this process, for the alerts that arrive after it closed (the recovery).</summary>
    private readonly ConcurrentDictionary<string, long> latest = new(StringComparer.Ordinal);

    public IIncidents Store => incidents;

    /// <summary>The key of a check's incidents (<c>check:api</c>).</summary>
    public static string CheckKey(string check) => JobId.Check(check).Text;

    /// <summary>The key of a backup job's incidents (<c>backup:db</c>).</summary>
    public static string BackupKey(string job) => JobId.Backup(job).Text;

    /// <summary>A check went down by its alert rule: opens its incident (or finds the one open) and adds the failure that made it
    /// down. Only the store is written here, so the caller can do it before the alert goes out and the alert's delivery finds the
    /// incident; the log line is <see cref="RecordOpenedAsync"/>'s.</summary>
    public async Task<(bool Opened, Incident Incident)> CheckDownAsync(string check, string reason, CancellationToken ct)
    {
        var opening = await OpenStoredAsync(CheckKey(check), journal.Messages.Format("reason.incident.check", check), Alert, ct);
        await AddEventAsync(opening.Incident.Id, IncidentEventKind.CheckFailed, reason, ct);
        return opening;
    }

    /// <summary>Writes "Incident #N opened" when <paramref name="opening"/> opened it (not when it found one open).</summary>
    public async Task RecordOpenedAsync((bool Opened, Incident Incident) opening, string? by, CancellationToken ct)
    {
        if (!opening.Opened) return;
        var i = opening.Incident;
        await journal.RecordAsync(new IncidentOpened(i.Id, i.Key, i.Title) { Data = Data(i) }, by, ct);
    }

    /// <summary>A check that was down is up, in the store only: the recovery on its open incident's timeline, before the
    /// recovery alert goes out (so its delivery lands after it). Returns the incident for <see cref="CloseRecoveredAsync"/>,
    /// or null when none is open.</summary>
    public async Task<Incident?> CheckRecoveringAsync(string check, string reason, CancellationToken ct)
    {
        var key = CheckKey(check);
        if (await incidents.FindOpenAsync(key, ct) is not { } open) return null;
        latest[key] = open.Id;
        await AddEventAsync(open.Id, IncidentEventKind.Recovered, reason, ct);
        return open;
    }

    /// <summary>The second half: closes the incident and writes its line, after the check's own "up again" line.</summary>
    public Task CloseRecoveredAsync(Incident open, CancellationToken ct) => CloseCoreAsync(open, Jaga, null, ct);

    /// <summary>A backup job's run failed: opens its incident (or finds the open one) and adds the failure.</summary>
    public async Task BackupFailedAsync(string job, string reason, CancellationToken ct)
    {
        var opening = await OpenStoredAsync(BackupKey(job), journal.Messages.Format("reason.incident.backup", job), Alert, ct);
        await AddEventAsync(opening.Incident.Id, IncidentEventKind.BackupFailed, reason, ct);
        await RecordOpenedAsync(opening, null, ct);
    }

    /// <summary>A backup job's run succeeded: closes its open incident, if any, with the success as the recovery.</summary>
    public Task BackupSucceededAsync(string job, string detail, CancellationToken ct) => RecoverAsync(BackupKey(job), detail, ct);

    /// <summary>An alert about a check was delivered (<paramref name="error"/> null) or not: a line on the check's open incident,
    /// or on the one it last had here when the alert came after the close (a recovery).</summary>
    public async Task AlertAsync(AlertMessage alert, string channel, string medium, string? error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var key = CheckKey(alert.Check);
        var id = (await incidents.FindOpenAsync(key, ct))?.Id ?? (latest.TryGetValue(key, out var last) ? last : null);
        if (id is not { } incident) return;
        var text = $"{AlertText.Code(alert.Kind)} → {channel} ({medium})" + (error is null ? "" : $": {error}");
        await AddEventAsync(incident, error is null ? IncidentEventKind.AlertSent : IncidentEventKind.AlertFailed, text, ct);
    }

    /// <summary>Opens an incident by hand (<c>jaga incident open</c>); the person is its source. Without a key, the title is the
    /// key: opening the same title twice finds the open one.</summary>
    public async Task<(bool Opened, Incident Incident)> OpenByHandAsync(string title, string? key, string by, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var opening = await OpenStoredAsync(key ?? "manual:" + Clean(title).ReplaceLineEndings(" ").Trim(), title, by, ct);
        await RecordOpenedAsync(opening, by, ct);
        return opening;
    }

    /// <summary>Records the first acknowledgement and its line; false (and no line) when it was acknowledged already.</summary>
    public async Task<bool> AcknowledgeAsync(Incident incident, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var at = clock.GetUtcNow();
        if (!await incidents.AcknowledgeAsync(incident.Id, Clean(by), at, ct)) return false;
        await journal.RecordAsync(new IncidentAcknowledged(incident.Id, Clean(by), AlertText.Duration(at - incident.OpenedAt)) { Data = Data(incident) }, by, ct);
        return true;
    }

    /// <summary>Closes an incident by hand, with an optional note; false (and no line) when it was closed already.</summary>
    public Task<bool> CloseAsync(Incident incident, string by, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return CloseCoreAsync(incident, by, note is null ? null : Clean(note), ct);
    }

    /// <summary>Adds a line of any kind to an existing incident's timeline, stamped now and with this node: what the runbook
    /// executor records of its runs, steps and approvals. <paramref name="text"/> is masked and bounded here.</summary>
    public Task AddEventAsync(long incident, IncidentEventKind kind, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        return incidents.AddEventAsync(incident, clock.GetUtcNow(), kind, Clean(text), journal.Node, ct);
    }

    private async Task<(bool Opened, Incident Incident)> OpenStoredAsync(string key, string title, string source, CancellationToken ct)
    {
        var opening = await incidents.OpenAsync(key, Clean(title), Clean(source), clock.GetUtcNow(), journal.Node, ct);
        latest[key] = opening.Incident.Id;
        return opening;
    }

    private async Task RecoverAsync(string key, string detail, CancellationToken ct)
    {
        if (await incidents.FindOpenAsync(key, ct) is not { } open) return;
        latest[key] = open.Id;
        await AddEventAsync(open.Id, IncidentEventKind.Recovered, detail, ct);
        await CloseCoreAsync(open, Jaga, null, ct);
    }

    private async Task<bool> CloseCoreAsync(Incident incident, string by, string? note, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        if (!await incidents.CloseAsync(incident.Id, at, Clean(by), note, ct)) return false;
        var data = Data(incident);
        if (note is not null) data["note"] = note;
        await journal.RecordAsync(new IncidentClosed(incident.Id, Clean(by), AlertText.Duration(at - incident.OpenedAt), note) { Data = data }, by == Jaga ? null : by, ct);
        return true;
    }

    private string Clean(string text)
    {
        var masked = journal.Redactor.Redact(text);
        return masked.Length <= MaxText ? masked : masked[..MaxText];
    }

    private static Dictionary<string, string> Data(Incident i) => new(StringComparer.Ordinal)
    {
        ["incident"] = i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["key"] = i.Key,
    };
}
