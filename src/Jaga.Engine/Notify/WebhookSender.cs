using System.Net.Http.Headers;
using System.Text;
using Jaga.Core.Monitoring;

namespace Jaga.Engine.Notify;

/// <summary>Posts one JSON body to a webhook. A 2xx answer is success; 429 and 5xx (and no answer) may succeed later;
/// any other status will not. Failures name the host only: webhook paths carry tokens (Slack, Discord, Telegram).</summary>
public sealed class WebhookSender(HttpClient http)
{
    private const int BodyShown = 200;

    /// <exception cref="AlertDeliveryException">No answer, or a non-2xx one.</exception>
    public async Task PostAsync(string url, string json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        var target = new Uri(url);
        var shown = $"{target.Scheme}://{target.Authority}";
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(target, content, ct);
        }
        catch (HttpRequestException e)
        {
            throw new AlertDeliveryException($"{shown}: {Scrub(e.Message, target)}", e);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            var code = (int)response.StatusCode;
            var body = await ReadSomeAsync(response, ct);
            var answer = body.Length == 0 ? "" : $": {Scrub(body, target)}";
            throw new AlertDeliveryException($"{shown} answered HTTP {code} {response.ReasonPhrase}{answer}") { Retryable = code == 429 || code >= 500 };
        }
    }

    /// <summary>Removes the URL's path and query (where tokens live) from text a server or the HTTP stack wrote.</summary>
    internal static string Scrub(string text, Uri url)
    {
        var result = text.Replace(url.OriginalString, $"{url.Scheme}://{url.Authority}/***", StringComparison.Ordinal);
        foreach (var part in url.AbsolutePath.Split('/').Concat(url.Query.TrimStart('?').Split('&', '=')))
        {
            var value = Uri.UnescapeDataString(part);
            if (value.Length >= 8) result = result.Replace(value, "***", StringComparison.Ordinal);
        }
        return result;
    }

    private static async Task<string> ReadSomeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            text = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
            return text.Length <= BodyShown ? text : text[..BodyShown] + "…";
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }
}
