using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jaga.Dashboard;

/// <summary>The dashboard's style sheet, served from the assembly: nothing is fetched from elsewhere, and it needs no
/// sign-in (it holds nothing but colours).</summary>
internal static class Assets
{
    public const string StylePath = "/assets/jaga.css";

    private static readonly Lazy<byte[]> Style = new(() =>
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream("Jaga.Dashboard.Assets.jaga.css")
            ?? throw new InvalidOperationException("the dashboard's style sheet is not in its assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(StylePath, () => Results.Bytes(Style.Value, "text/css; charset=utf-8")).AllowAnonymous();
}
