using Jaga.Core.Conditions;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan.Values;
using Jaga.Core.Redaction;
using Jaga.Engine.Monitoring.Probes;

namespace Jaga.Engine.Emergency.Steps;

/// <summary>Carries out an <c>http</c> step: one request made exactly as an <c>http</c> check makes it (the same clients,
/// redirects, body cap of 1 MiB and placeholders: [STATUS], [BODY], [RESPONSE_TIME], [CERTIFICATE_EXPIRATION],
/// [CONNECTED]), judged by the step's conditions; a failure names each failed condition with what was seen, as a check's
/// reason does.</summary>
/// <param name="http">The shared HTTP clients (one per process).</param>
/// <param name="clock">The timeout and the response time are measured on it.</param>
/// <param name="redactor">Masks the plan's secrets in the reason and the body kept as output.</param>
/// <param name="words">The language of the reason.</param>
public sealed class HttpStepRunner(ProbeHttp http, TimeProvider clock, Redactor redactor, Catalog words)
{
    private static readonly IReadOnlyList<Condition> Default = [Condition.Parse("[STATUS] < 400")];

    /// <summary>Sends the request and judges the answer. Never throws for what the server does; a cancellation is a
    /// <see cref="StepOutcome.Cancelled"/> result.</summary>
    public async Task<StepResult> RunAsync(HttpSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var started = clock.GetTimestamp();
        TimeSpan Elapsed() => clock.GetElapsedTime(started);
        using var limit = new CancellationTokenSource(spec.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        CheckObservation seen;
        try
        {
            var call = new HttpCall(new Uri(spec.Url), spec.Method, spec.Headers, spec.Body, spec.FollowRedirects, spec.Insecure);
            seen = await HttpExchange.SendAsync(call, http, clock, Elapsed, linked.Token);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            return End(StepOutcome.Cancelled, words.Format("reason.step.http.cancelled", DurationValue.Format(Elapsed())), Elapsed());
        }
        catch (Exception e) when (limit.IsCancellationRequested || e is TimeoutException)
        {
            return End(StepOutcome.TimedOut, words.Format("reason.step.http.timed.out", DurationValue.Format(spec.Timeout)), Elapsed());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Refused, unreachable, DNS, TLS, a URL that interpolation made invalid: words, as a check gives them.
            seen = ProbeRun.Failed(Elapsed(), ProbeRun.Describe(e));
        }
        var conditions = spec.Conditions.Count == 0 ? Default : spec.Conditions;
        var failed = conditions.Select(c => c.Evaluate(seen, words)).Where(r => !r.Passed)
            .Select(r => words.Format("reason.condition.failed", r.Condition.Text, r.Observed)).ToList();
        var why = new List<string>();
        if (!seen.Connected && seen.Error is { } error) why.Add(error);
        why.AddRange(failed);
        var result = why.Count == 0
            ? End(StepOutcome.Succeeded, words.Format("reason.took", seen.Status, (long)seen.ResponseTime.TotalMilliseconds), Elapsed())
            : End(StepOutcome.Failed, string.Join("; ", why), Elapsed());
        var body = new StepOutput(redactor, null);
        body.Write(seen.Body);
        body.Close("");
        return result with { Output = body.Text(n => words.Format("reason.step.output.omitted", n)), Tail = body.Tail() };
    }

    private StepResult End(StepOutcome outcome, string reason, TimeSpan duration) => new(outcome, redactor.Redact(reason), duration);
}
