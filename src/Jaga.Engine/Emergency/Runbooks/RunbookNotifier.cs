using System.Text.Json;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Notify;
using Polly;
using Polly.Retry;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>Delivers a <c>notify</c> step's message now, not through the alert queue: the step succeeds only when every
/// route of the channel took it. A channel's webhook gets the text in its format (Jaga's own JSON carries the runbook, the
/// run and the step); its e-mail goes through its SMTP server. A contact gets an e-mail through the SMTP server of the
/// plan's first channel that has one. Each route is tried three times (Polly), 2 s then 4 s apart, when the failure may pass.</summary>
/// <param name="plan">The channels, contacts and project.</param>
/// <param name="http">Posts webhooks; not disposed here.</param>
/// <param name="smtp">Sends e-mails.</param>
/// <param name="clock">The time of the pauses between tries.</param>
public sealed class RunbookNotifier(LoadedPlan plan, HttpClient http, ISmtpSender smtp, TimeProvider clock)
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);
    private readonly WebhookSender webhooks = new(http);

    private readonly ResiliencePipeline retry = new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            ShouldHandle = new PredicateBuilder().Handle<AlertDeliveryException>(e => e.Retryable).Handle<HttpRequestException>().Handle<TimeoutException>(),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(TimeSpan.FromSeconds(2 << args.AttemptNumber)),
        })
        .Build();

    /// <summary>Sends <paramref name="text"/> (already filled in and masked) for step <paramref name="step"/> of
    /// <paramref name="run"/>; returns where it went, or throws <see cref="AlertDeliveryException"/> with why not.</summary>
    public async Task<string> SendAsync(NotifyTarget target, string text, RunbookRun run, string step, Catalog words, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(words);
        var subject = words.Format("exec.notify.subject", plan.Plan.Project, run.Runbook, run.Id);
        if (target.Contact is { } name)
        {
            var contact = plan.Plan.Emergency.Contacts.FirstOrDefault(c => c.Name == name)
                ?? throw new AlertDeliveryException(words.Format("reason.runbook.notify.contact", name)) { Retryable = false };
            var via = plan.Plan.Notify.Values.FirstOrDefault(c => c.Email is not null)
                ?? throw new AlertDeliveryException(words.Format("reason.runbook.notify.no.smtp", name)) { Retryable = false };
            await TryAsync(c => smtp.SendAsync(Email(via, contact.Email!, subject, text), c), ct);
            return contact.Email!;
        }
        var channelName = target.Channel!;
        var channel = plan.Plan.Notify.TryGetValue(channelName, out var found) ? found
            : throw new AlertDeliveryException(words.Format("reason.runbook.notify.channel", channelName)) { Retryable = false };
        var routes = new List<string>();
        if (channel.Webhook is { } url)
        {
            var body = channel.Format switch
            {
                WebhookFormat.Json => Json(run, step, text),
                WebhookFormat.Slack => WebhookPayloads.Slack(text),
                WebhookFormat.Discord => WebhookPayloads.Discord(text),
                WebhookFormat.Telegram => WebhookPayloads.Telegram(channel.ChatId!, text),
            };
            await TryAsync(c => webhooks.PostAsync(url, body, c), ct);
            routes.Add("webhook");
        }
        if (channel.Email is { } to)
        {
            await TryAsync(c => smtp.SendAsync(Email(channel, to, subject, text), c), ct);
            routes.Add("email");
        }
        return $"{channelName} ({string.Join(", ", routes)})";
    }

    private async Task TryAsync(Func<CancellationToken, Task> send, CancellationToken ct) =>
        await retry.ExecuteAsync(async token =>
        {
            using var limit = new CancellationTokenSource(AttemptTimeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, limit.Token);
            try
            {
                await send(linked.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !token.IsCancellationRequested)
            {
                throw new TimeoutException($"no answer within {AttemptTimeout.TotalSeconds:0} s");
            }
        }, ct);

    private AlertEmail Email(NotifyChannel channel, string to, string subject, string body) => new(
        channel.Smtp ?? "smtp://localhost:25", channel.Tls, channel.CaFile is null ? null : plan.Resolve(channel.CaFile),
        channel.From ?? $"jaga@{System.Net.Dns.GetHostName()}", to, subject, body, AttemptTimeout);

    /// <summary>Jaga's own payload: <c>{project, kind: "runbook", runbook, run, step, text}</c>.</summary>
    private string Json(RunbookRun run, string step, string text)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("project", plan.Plan.Project);
            w.WriteString("kind", "runbook");
            w.WriteString("runbook", run.Runbook);
            w.WriteString("run", run.Id);
            w.WriteString("step", step);
            w.WriteString("text", text);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
