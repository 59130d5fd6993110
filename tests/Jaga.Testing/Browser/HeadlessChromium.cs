using Microsoft.Playwright;

namespace Jaga.Testing.Browser;

/// <summary>The Debian <c>chromium</c> package driven by Playwright for .NET, headless. Playwright's own browser download
/// is never used: the executable is <c>/usr/bin/chromium</c> (or <c>JAGA_CHROMIUM</c>), which scripts/test.sh installs
/// with apt-get. One instance per test class; each test opens its own context (cookies, theme and viewport).</summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Where the tests find Chromium.</summary>
    public static string Executable => Environment.GetEnvironmentVariable("JAGA_CHROMIUM") is { Length: > 0 } e ? e : "/usr/bin/chromium";

    private readonly IPlaywright playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; }

    /// <summary>Starts Chromium, or fails with what to install.</summary>
    public static async Task<HeadlessChromium> StartAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"The browser tests drive Debian's Chromium and found none at {Executable}: apt-get install chromium (scripts/test.sh does).");
        // The driver Playwright ships with must not look for, or fetch, a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Executable,
                Headless = true,
                // As root (CI containers) Chromium's sandbox cannot start; /dev/shm is small in containers.
                Args = Environment.UserName == "root" ? ["--no-sandbox", "--disable-dev-shm-usage"] : ["--disable-dev-shm-usage"],
            });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh context (no cookies) with the given width, height and colour scheme.</summary>
    public async Task<IBrowserContext> ContextAsync(Viewport viewport, ColorScheme scheme = ColorScheme.Light, string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.Mobile,
            HasTouch = viewport.Mobile,
            ColorScheme = scheme,
            BaseURL = baseUrl,
        });
        // The tests run beside the other test projects on two cores: a page may take longer than Playwright's 30 s default.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
    }
}

/// <summary>A screen the pages are looked at on.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool Mobile)
{
    /// <summary>A laptop.</summary>
    public static readonly Viewport Desktop = new("desktop", 1366, 900, false);

    /// <summary>A phone held upright.</summary>
    public static readonly Viewport Phone = new("phone", 390, 844, true);
}
