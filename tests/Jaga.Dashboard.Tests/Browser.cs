using System.Net;
using System.Text.RegularExpressions;

namespace Jaga.Dashboard.Tests;

/// <summary>A browser as far as the server can tell: it keeps cookies, does not follow redirects (the test looks at them),
/// and fills a form with the anti-forgery token the page gave it.</summary>
internal sealed partial class Browser(Uri site) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form as the browser would after loading <paramref name="formPage"/>: with its anti-forgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IReadOnlyDictionary<string, string> fields, bool withToken = true)
    {
        var html = await PageAsync(formPage);
        var values = new Dictionary<string, string>(fields);
        if (withToken) values["__RequestVerificationToken"] = Token(html);
        return await http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>Posts an empty form with the token of a page loaded before (a press on a page already shown).</summary>
    public Task<HttpResponseMessage> PostWithTokenAsync(string formHtml, string action) =>
        http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(formHtml) }));

    public Task<HttpResponseMessage> SignInAsync(string name, string password, bool withToken = true) =>
        PostFormAsync("/signin", "/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = password }, withToken);

    public async Task SignInOkAsync(string name, string password)
    {
        using var response = await SignInAsync(name, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static string Token(string html)
    {
        var m = TokenField().Match(html);
        Assert.True(m.Success, "no anti-forgery token in the form:\n" + html);
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>Sends as a client at <paramref name="address"/> behind the loopback proxy (its own rate-limit partition).</summary>
    public void ComesFrom(string address) => http.DefaultRequestHeaders.Add("X-Forwarded-For", address);

    public void Dispose() => http.Dispose();
}
