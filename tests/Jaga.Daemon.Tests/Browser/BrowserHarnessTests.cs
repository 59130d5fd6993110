using Jaga.Testing.Browser;
using Microsoft.Playwright;

namespace Jaga.Daemon.Tests.Browser;

/// <summary>The browser harness the dashboard's tests stand on: Debian's Chromium starts under Playwright without a
/// downloaded browser, axe-core finds a real violation and passes a clean page, and screenshots follow the colour scheme.</summary>
[Trait("Category", "Integration")]
public sealed class BrowserHarnessTests : IAsyncLifetime
{
    private HeadlessChromium chromium = null!;

    public async Task InitializeAsync() => chromium = await HeadlessChromium.StartAsync();

    public async Task DisposeAsync() => await chromium.DisposeAsync();

    [Fact]
    public async Task Axe_reports_an_image_without_alt_text_and_a_nameless_button_and_passes_a_labelled_page()
    {
        await using var context = await chromium.ContextAsync(Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Bad</title></head>
            <body><main><h1>Bad</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></main></body></html>
            """);
        var bad = await AxeCheck.SeriousAsync(page);
        Assert.Contains(bad, v => v.Id == "image-alt");
        Assert.Contains(bad, v => v.Id == "button-name");

        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Good</title></head>
            <body><main><h1>Good</h1><img alt="A dot" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button>Save</button></main></body></html>
            """);
        var good = await AxeCheck.SeriousAsync(page);
        Assert.True(good.Count == 0, string.Join("\n", good));
    }

    [Fact]
    public async Task Screenshots_follow_the_colour_scheme_and_the_viewport()
    {
        const string Html = """
            <!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Theme</title><style>
            body { background: #fff; color: #000; } @media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } }
            </style></head><body><main><h1>Theme</h1></main></body></html>
            """;
        var paths = new List<string>();
        foreach (var (viewport, scheme) in new[] { (Viewport.Desktop, ColorScheme.Light), (Viewport.Desktop, ColorScheme.Dark), (Viewport.Phone, ColorScheme.Dark) })
        {
            await using var context = await chromium.ContextAsync(viewport, scheme);
            var page = await context.NewPageAsync();
            await page.SetContentAsync(Html);
            Assert.Equal(scheme == ColorScheme.Dark ? "rgb(17, 17, 17)" : "rgb(255, 255, 255)",
                await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
            Assert.Equal(viewport.Width, await page.EvaluateAsync<int>("window.innerWidth"));
            paths.Add(await PageShots.SaveAsync(page, "harness", viewport, scheme));
        }
        Assert.All(paths, p => Assert.True(new FileInfo(p).Length > 0, p));
        Assert.NotEqual(await File.ReadAllBytesAsync(paths[0]), await File.ReadAllBytesAsync(paths[1]));
    }
}
