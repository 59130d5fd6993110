using System.Globalization;
using Jaga.Core.Journal;
using Jaga.Core.Journal.Events.Notify;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Incidents;
using Jaga.Engine.Journal;
using Jaga.Engine.Monitoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Jaga.Engine.Notify;

/// <summary>Delivers alerts to the plan's notify channels without ever making the caller wait.</summary>
/// <remarks><see cref="Enqueue"/> only puts the alert on each route's bounded queue (a channel with both a webhook and
/// an e-mail address has two routes). Each route has its own loop that tries, waits (through the
/// <see cref="TimeProvider"/>) and tries again as <see cref="NotifyPolicy"/> says, then records exactly one
/// maintenance-log line and audit entry per alert and route: sent (INFO) or failed after the last try (ERROR).
/// Retries in between go to the <see cref="ILogger"/> only. Nothing recorded carries a webhook token or SMTP password.</remarks>
public sealed class AlertDispatcher : IAsyncDisposable, IAlertSink
{
    private readonly LoadedPlan plan;
    private readonly MaintenanceJournal journal;
    private readonly TimeProvider clock;
    private readonly NotifyPolicy policy;
    private readonly ILogger log;
    private readonly ResiliencePipeline<Try> retry;
    private readonly Dictionary<string, List<AlertRoute>> routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource abort = new();
    private readonly Lock gate = new();
    /// <summary>Records of dropped alerts under way; finished ones are pruned as new ones start, and StopAsync waits for the rest.</summary>
    private readonly List<Task> sideTasks = [];
    private bool stopped;

    /// <param name="plan">The plan: its notify channels, language, time zone and folder (for ca_file).</param>
    /// <param name="journal">Where sent and failed alerts are recorded.</param>
    /// <param name="clock">The time of retries and timeouts.</param>
    /// <param name="http">Posts webhooks; the dispatcher does not dispose it.</param>
    /// <param name="smtp">Sends e-mails.</param>
    /// <param name="policy">Attempts, pauses and limits; <see cref="NotifyPolicy.Default"/> when null.</param>
    /// <param name="logger">Where each failed try is told (the daemon's log); nothing when null.</param>
    public AlertDispatcher(LoadedPlan plan, MaintenanceJournal journal, TimeProvider clock, HttpClient http, ISmtpSender smtp,
        NotifyPolicy? policy = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        this.plan = plan;
        this.journal = journal;
        this.clock = clock;
        this.policy = policy ?? NotifyPolicy.Default;
        log = logger ?? NullLogger.Instance;
        var attempts = this.policy.Attempts;
        var pauses = this.policy;
        // A try that failed in a way worth trying again waits policy.DelayAfter(attempt) on the clock; the pause ends early
        // (and the alert is recorded failed) when the dispatcher is stopped.
        retry = new ResiliencePipelineBuilder<Try> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<Try>
            {
                MaxRetryAttempts = Math.Max(1, attempts - 1),
                ShouldHandle = args => ValueTask.FromResult(attempts > 1 && args.Outcome.Result is { Sent: false, Retryable: true }),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(pauses.DelayAfter(args.AttemptNumber + 1)),
            })
            .Build();
        var webhooks = new WebhookSender(http);
        foreach (var (name, channel) in plan.Plan.Notify)
        {
            var list = new List<AlertRoute>();
            if (channel.Webhook is { } url)
                list.Add(new AlertRoute(name, "webhook", (a, ct) => webhooks.PostAsync(url, Payload(channel, a), ct), this.policy.QueueCapacity));
            if (channel.Email is { } to)
                list.Add(new AlertRoute(name, "email", (a, ct) => smtp.SendAsync(Email(channel, to, a), ct), this.policy.QueueCapacity));
            routes[name] = list;
        }
        foreach (var route in routes.Values.SelectMany(r => r))
            route.Loop = Task.Run(() => RunAsync(route));
    }

    /// <summary>Where each alert sent or not sent goes on its check's incident timeline; nowhere when null.</summary>
    public IncidentLog? Incidents { get; init; }

    /// <summary>Queues the alert for each of its channels and returns at once. A channel the plan does not have, or one
    /// whose queue is full, gets a WARN entry (recorded in the background) instead.</summary>
    public void Enqueue(AlertMessage alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        foreach (var name in alert.Channels.Distinct(StringComparer.Ordinal))
        {
            if (!routes.TryGetValue(name, out var list))
            {
                log.LogWarning("Alert for {Check}: no notify channel named {Channel} in the plan", alert.Check, name);
                continue;
            }
            foreach (var route in list)
            {
                if (stopped || !route.Queue.Writer.TryWrite(alert)) Background(() => RecordDroppedAsync(route, alert));
            }
        }
    }

    /// <summary>Takes no more alerts and lets the queued ones finish until <paramref name="deadline"/>; then abandons
    /// the rest, each recorded as failed ("interrupted by shutdown").</summary>
    public async Task StopAsync(TimeSpan deadline)
    {
        lock (gate)
        {
            if (stopped) return;
            stopped = true;
        }
        var all = routes.Values.SelectMany(r => r).ToList();
        foreach (var route in all) route.Queue.Writer.TryComplete();
        var loops = Task.WhenAll(all.Select(r => r.Loop));
        using var timer = new CancellationTokenSource();
        var finished = await Task.WhenAny(loops, Task.Delay(deadline, clock, timer.Token)) == loops;
        await timer.CancelAsync();
        if (!finished) await abort.CancelAsync();
        await loops;
        Task[] side;
        lock (gate) side = [.. sideTasks];
        await Task.WhenAll(side);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero);
        abort.Dispose();
    }

    private async Task RunAsync(AlertRoute route)
    {
        await foreach (var alert in route.Queue.Reader.ReadAllAsync(CancellationToken.None))
            await DeliverAsync(route, alert);
    }

    private async Task DeliverAsync(AlertRoute route, AlertMessage alert)
    {
        var attempt = 0;
        var last = new Try(false, "", false);
        try
        {
            await retry.ExecuteAsync(async ct =>
            {
                attempt++;
                last = await TryOnceAsync(route, alert, ct);
                if (!last.Sent && last.Retryable && attempt < policy.Attempts)
                    log.LogWarning("Alert {Kind} for {Check} to {Channel} ({Medium}): try {Attempt} of {Attempts} failed: {Error}; next try in {Pause}",
                        AlertText.Code(alert.Kind), alert.Check, route.Channel, route.Medium, attempt, policy.Attempts, journal.Redactor.Redact(last.Error), policy.DelayAfter(attempt));
                return last;
            }, abort.Token);
        }
        catch (OperationCanceledException) when (attempt == 0)
        {
            // Stopped before the first try (the pipeline does not start one once stopped): abandoned in the queue.
            (attempt, last) = (1, new Try(false, "interrupted by shutdown", false));
        }
        catch (OperationCanceledException)
        {
            // Stopped during the pause before the next try.
            last = last with { Error = last.Error + "; interrupted by shutdown" };
        }
        if (last.Sent)
        {
            // Recorded outside the sending's try: a store that fails here must not make a delivered alert look failed
            // (and be sent again).
            await RecordAsync(new AlertSent(alert.Kind, alert.Check, route.Channel, route.Medium, attempt), route, alert, attempt, null);
            return;
        }
        await RecordAsync(new AlertFailed(alert.Kind, alert.Check, route.Channel, route.Medium, attempt, last.Error), route, alert, attempt, last.Error);
    }

    /// <summary>One try, within the policy's timeout; never throws (but for running out of memory).</summary>
    private async Task<Try> TryOnceAsync(AlertRoute route, AlertMessage alert, CancellationToken stopping)
    {
        try
        {
            stopping.ThrowIfCancellationRequested();
            using var limit = new CancellationTokenSource(policy.AttemptTimeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, stopping);
            try
            {
                await route.Send(alert, linked.Token);
                return new Try(true, "", false);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !stopping.IsCancellationRequested)
            {
                throw new AlertDeliveryException($"no answer within {AlertText.Duration(policy.AttemptTimeout)}");
            }
        }
        catch (AlertDeliveryException e)
        {
            return new Try(false, e.Message, e.Retryable);
        }
        catch (OperationCanceledException)
        {
            return new Try(false, "interrupted by shutdown", false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A sender's unforeseen failure: shown only after the plan's secrets are masked (the journal masks again).
            return new Try(false, journal.Redactor.Redact(e.Message), true);
        }
    }

    private Task RecordDroppedAsync(AlertRoute route, AlertMessage alert)
    {
        var waiting = route.Queue.Reader.CanCount ? route.Queue.Reader.Count : policy.QueueCapacity;
        return RecordAsync(new AlertDropped(alert.Kind, alert.Check, route.Channel, route.Medium, waiting), route, alert, 0, stopped ? "shutting down" : $"{waiting} waiting");
    }

    private async Task RecordAsync(JournalEvent delivery, AlertRoute route, AlertMessage alert, int attempts, string? error)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["check"] = alert.Check,
            ["alert"] = AlertText.Code(alert.Kind),
            ["channel"] = route.Channel,
            ["medium"] = route.Medium,
            ["attempts"] = attempts.ToString(CultureInfo.InvariantCulture),
            ["at"] = alert.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
        if (error is not null) data["error"] = error;
        try
        {
            await journal.RecordAsync(delivery with { Data = data }, ct: CancellationToken.None);
            if (Incidents is { } incidents) await incidents.AlertAsync(alert, route.Channel, route.Medium, error is null ? null : journal.Redactor.Redact(error), CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The maintenance log or the state store failed (a full disk, a store outage): the channel's loop must live on.
            log.LogError("Could not record {Key} for {Check} to {Channel}: {Error}", delivery.Kind, alert.Check, route.Channel, journal.Redactor.Redact(e.Message));
        }
    }

    private string Payload(NotifyChannel channel, AlertMessage alert)
    {
        try
        {
            return WebhookPayloads.For(channel.Format, alert, AlertText.Full(alert, journal.Messages, plan.Plan.Timezone), channel.ChatId);
        }
        catch (ArgumentException e)
        {
            throw new AlertDeliveryException(e.Message) { Retryable = false };
        }
    }

    private AlertEmail Email(NotifyChannel channel, string to, AlertMessage alert) => new(
        channel.Smtp ?? "smtp://localhost:25", channel.Tls, channel.CaFile is null ? null : plan.Resolve(channel.CaFile),
        channel.From ?? $"jaga@{System.Net.Dns.GetHostName()}", to,
        AlertText.Subject(alert, journal.Messages), AlertText.Body(alert, journal.Messages, plan.Plan.Timezone), policy.AttemptTimeout);

    private void Background(Func<Task> work)
    {
        lock (gate)
        {
            sideTasks.RemoveAll(t => t.IsCompleted);
            sideTasks.Add(Task.Run(work));
        }
    }

    /// <summary>How one try ended: sent, or the error and whether another try may succeed.</summary>
    private readonly record struct Try(bool Sent, string Error, bool Retryable);
}
