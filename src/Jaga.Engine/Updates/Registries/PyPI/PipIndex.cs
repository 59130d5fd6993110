using System.Net.Http.Headers;
using System.Text;
using Jaga.Core.Errors;
using Jaga.Core.Messages;

namespace Jaga.Engine.Updates.Registries.PyPI;

/// <summary>One package index pip asks.</summary>
/// <param name="Url">Its URL without credentials, ending in <c>/</c> (<c>https://pypi.example.com/simple/</c>).</param>
/// <param name="Auth">The <c>user:password@</c> the configuration wrote in the URL, sent as basic authentication.</param>
/// <param name="Origin">Where it was configured (<c>PIP_INDEX_URL</c>, <c>/etc/pip.conf: index-url</c>).</param>
internal sealed record PipIndex(Uri Url, AuthenticationHeaderValue? Auth, string Origin)
{
    /// <summary>The index <paramref name="text"/> names; anything but an absolute http(s) URL is a user error.</summary>
    public static PipIndex Parse(string text, string origin, Catalog words)
    {
        var withSlash = text.EndsWith('/') ? text : text + "/";
        if (!Uri.TryCreate(withSlash, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new UserException(
                words.Format("reason.registry.config.url", origin, Core.Redaction.Redactor.None.Redact(text)),
                words["reason.registry.config.url.hint"]);
        }
        AuthenticationHeaderValue? auth = null;
        if (url.UserInfo.Length > 0)
        {
            var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
            var password = colon < 0 ? "" : Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
            auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
        return new PipIndex(RegistryUrl.Bare(url), auth, origin);
    }
}
