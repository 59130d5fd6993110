using System.Net.Http.Headers;
using System.Text;
using Jaga.Core.Errors;
using Jaga.Core.Messages;

namespace Jaga.Engine.Updates.Registries.PyPI;

/// <summary>One package index pip asks.</summary>
/// <param name="Url">Its URL without credentials, ending in <c>/</c> (<c>https://pypi.example.com/simple/</c>), or a
/// <c>file:</c> URL for an index kept as files in a folder.</param>
/// <param name="Auth">The <c>user:password@</c> the configuration wrote in the URL, sent as basic authentication.</param>
/// <param name="Origin">Where it was configured (<c>PIP_INDEX_URL</c>, <c>/etc/pip.conf: index-url</c>).</param>
internal sealed record PipIndex(Uri Url, AuthenticationHeaderValue? Auth, string Origin)
{
    /// <summary>The folder of an index kept as files (<see cref="Url"/> is a <c>file:</c> URL), else null.</summary>
    public string? Folder => Url.IsFile ? Url.LocalPath : null;

    /// <summary>The index <paramref name="text"/> names, as pip takes it: an http(s) URL, a <c>file:</c> URL, or the path
    /// of a folder that exists; anything else is a user error. A relative folder is taken from
    /// <paramref name="baseFolder"/> (the plan's folder) where pip takes it from the working directory: the same folder
    /// when pip runs beside the plan, and the plan then means the same from wherever it is run.</summary>
    public static PipIndex Parse(string text, string origin, Catalog words, string baseFolder)
    {
        var withSlash = text.EndsWith('/') ? text : text + "/";
        if (text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (Uri.TryCreate(withSlash, UriKind.Absolute, out var file) && file.IsFile) return new PipIndex(file, null, origin);
            throw Invalid(text, origin, words);
        }
        if (!Uri.TryCreate(withSlash, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            // pip takes a location that exists on disk as a local index (its build_source), and so does Jaga; an absolute
            // path is taken even when missing, so the answer says the folder is missing rather than "not a URL".
            var folder = text.Length > 0 && !text.Contains("://", StringComparison.Ordinal) ? Path.GetFullPath(text, baseFolder) : null;
            if (folder is not null && (Path.IsPathRooted(text) || Directory.Exists(folder)))
                return new PipIndex(new Uri(Path.TrimEndingDirectorySeparator(folder) + "/"), null, origin);
            throw Invalid(text, origin, words);
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

    /// <summary>A value that does not parse as a URL may still carry a credential before an <c>@</c> (<c>htps//TOKEN@host</c>),
    /// which the URL redactor would not recognise: everything before the last <c>@</c> is masked.</summary>
    private static UserException Invalid(string text, string origin, Catalog words)
    {
        var at = text.LastIndexOf('@');
        var shown = at < 0 ? Core.Redaction.Redactor.None.Redact(text) : "***" + text[at..];
        return new(words.Format("reason.registry.pip.index", origin, shown), words["reason.registry.pip.index.hint"]);
    }
}
