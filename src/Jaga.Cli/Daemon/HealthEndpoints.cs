using Jaga.Core.Ports;
using Jaga.Engine.Heartbeats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jaga.Cli.Daemon;

/// <summary><c>/healthz</c> (the process answers), <c>/readyz</c> (the state store answers and the plan on disk is the valid
/// one running), and the heartbeat URLs <c>/ping/{token}[/start|/fail|/{exit-code}]</c> with healthchecks.io's conventions
/// (GET, HEAD or POST; 200 "OK", 404 "not found" for an unknown token).</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan StoreProbe = TimeSpan.FromSeconds(3);

    public static void Map(IEndpointRouteBuilder app, DaemonState state)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
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
        });

        string[] verbs = ["GET", "HEAD", "POST"];
        app.MapMethods("/ping/{token}", verbs, (string token, HttpContext http, CancellationToken ct) => PingAsync(state, token, PingKind.Success, null, http, ct));
        app.MapMethods("/ping/{token}/start", verbs, (string token, HttpContext http, CancellationToken ct) => PingAsync(state, token, PingKind.Start, null, http, ct));
        app.MapMethods("/ping/{token}/fail", verbs, (string token, HttpContext http, CancellationToken ct) => PingAsync(state, token, PingKind.Fail, null, http, ct));
        app.MapMethods("/ping/{token}/{code:int:range(0,255)}", verbs, (string token, int code, HttpContext http, CancellationToken ct) => PingAsync(state, token, PingKind.Exit, code, http, ct));
    }

    private static async Task<IResult> PingAsync(DaemonState state, string token, PingKind kind, int? code, HttpContext http, CancellationToken ct)
    {
        if (PingRecorder.ByToken(state.Plan.Plan, token) is not { } check) return Results.Text("not found\n", statusCode: StatusCodes.Status404NotFound);
        await PingRecorder.RecordAsync(state.Journal, check, kind, code, "http " + http.Connection.RemoteIpAddress, state.Clock, CancellationToken.None);
        return Results.Text("OK");
    }
}
