using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jaga.Cli.Daemon;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the state store answers and the plan on disk is the
/// valid one running). The heartbeat URLs are <see cref="PingEndpoints"/>.</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan StoreProbe = TimeSpan.FromSeconds(3);

    public static void Map(IEndpointRouteBuilder app, DaemonState state)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n")).AllowAnonymous();
        app.MapGet("/readyz", async (CancellationToken ct) =>
        {
            var problems = new List<string>();
            try
            {
                using var probe = CancellationTokenSource.CreateLinkedTokenSource(ct);
                probe.CancelAfter(StoreProbe);
                await state.Store.HeadAsync(probe.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                problems.Add("state store unreachable: " + state.Plan.Redactor.Redact(e.Message));
            }
            if (state.ReloadProblem is { } p) problems.Add("plan on disk is invalid (the previous plan keeps running): " + p);
            return problems.Count == 0
                ? Results.Text("ready\n")
                : Results.Text("not ready\n" + string.Join("\n", problems) + "\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
    }
}
