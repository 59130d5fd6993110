using System.Text.Json;
using Microsoft.Playwright;

namespace Jaga.Testing.Browser;

/// <summary>An accessibility pass with axe-core (the npm package, installed once by <see cref="NpmTool"/>) injected into
/// the page by Playwright: the violations of impact serious or critical, each with its rule, help and the elements.</summary>
public static class AxeCheck
{
    private const string Spec = "axe-core@4.14.1";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Runs axe on <paramref name="page"/> as it is now; returns the serious and critical violations.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> SeriousAsync(IPage page)
    {
        var installed = await NpmTool.InstalledAsync(Spec);
        // Evaluated through the DevTools protocol rather than added as a <script>: the dashboard's CSP refuses scripts
        // it did not serve, and the pass must see the page as it is, CSP included.
        var source = await File.ReadAllTextAsync(Path.Combine(installed, "node_modules", "axe-core", "axe.min.js"));
        await page.EvaluateAsync("source => { if (!window.axe) (0, eval)(source); }", source);
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')) })));
            }
            """);
        var all = JsonSerializer.Deserialize<List<AxeViolation>>(json, Json) ?? [];
        return all.Where(v => v.Impact is "serious" or "critical").ToList();
    }
}

/// <summary>One rule axe found broken, and where.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Targets)
{
    public override string ToString() => $"{Id} ({Impact}): {Help} — {string.Join(", ", Targets)}";
}
