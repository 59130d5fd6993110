using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jaga.Dashboard.Api;

/// <summary>The JSON endpoints, for a <c>Authorization: Bearer</c> token (or a signed-in browser): each answers what the CLI
/// listing of the same name prints with <c>--json</c>, from the same report, with the plan's secrets removed.</summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(DashboardPolicies.Viewer).WithMetadata(PageWork.Mark);
        api.MapGet("/status", (IDashboardState state, CancellationToken ct) => Json(state, state.StatusAsync(ct)));
        api.MapGet("/checks", (IDashboardState state, CancellationToken ct) => Json(state, state.ChecksAsync(ct)));
    }

    private static async Task<IResult> Json(IDashboardState state, Task<JsonObject> report) =>
        Results.Text(state.Redact((await report).ToJsonString()), "application/json; charset=utf-8");
}
