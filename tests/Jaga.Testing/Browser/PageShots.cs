using Microsoft.Playwright;

namespace Jaga.Testing.Browser;

/// <summary>Screenshots kept as test artifacts, so a person can look at each page as a user would: under
/// <c>JAGA_ARTIFACTS</c> (default <c>tests/artifacts</c> in the repository) <c>/screens/NAME-VIEWPORT-SCHEME.png</c>.</summary>
public static class PageShots
{
    /// <summary>The folder the screenshots go to.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable("JAGA_ARTIFACTS") is { Length: > 0 } a
            ? Path.Combine(a, "screens")
            : Path.Combine(RepositoryRoot(), "tests", "artifacts", "screens");

    /// <summary>Saves a full-page screenshot of <paramref name="page"/>; returns its path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name, Viewport viewport, ColorScheme scheme)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{name}-{viewport.Name}-{scheme.ToString().ToLowerInvariant()}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Jaga.slnx"))) return d.FullName;
        return Path.GetTempPath();
    }
}
