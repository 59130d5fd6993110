using System.Xml;
using System.Xml.Linq;
using Jaga.Core.Messages;

namespace Jaga.Core.Updates.Manifests;

/// <summary>An MSBuild file (a project, Directory.Packages.props) read with line information, and the places of its
/// items' values in the text as written, so an edit replaces those characters and nothing else.</summary>
internal sealed class MsBuildXml
{
    private readonly string text;
    private readonly int bom;
    private readonly TextLines lines;

    private MsBuildXml(string text, XDocument document)
    {
        this.text = text;
        bom = text.StartsWith('\uFEFF') ? 1 : 0;
        lines = new TextLines(text[bom..]);
        Document = document;
    }

    public XDocument Document { get; }

    /// <summary>Parses <paramref name="text"/>; XML that is not well formed is a <see cref="ManifestException"/> at the
    /// parser's line.</summary>
    public static MsBuildXml Load(ManifestFile file, string text, Catalog words)
    {
        try
        {
            // A DTD is refused (the reader's default): MSBuild files have none, and entity expansion is a way to blow up.
            var document = XDocument.Parse(text.TrimStart('\uFEFF'), LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
            return new MsBuildXml(text, document);
        }
        catch (XmlException e)
        {
            throw new ManifestException(file.Path, e.LineNumber > 0 ? e.LineNumber : null, words.Format("reason.manifest.xml", e.Message),
                words["reason.manifest.xml.hint"]);
        }
    }

    /// <summary>The elements named <paramref name="name"/> anywhere in the file, in order (an old-style project puts
    /// its items in the MSBuild namespace, so only the local name counts).</summary>
    public IEnumerable<XElement> Elements(string name) => Document.Descendants().Where(e => e.Name.LocalName == name);

    public static int Line(XObject node) => ((IXmlLineInfo)node).LineNumber;

    /// <summary>The attribute or, failing that, the child element named <paramref name="name"/> (case-insensitive, as
    /// MSBuild reads metadata).</summary>
    public static XObject? Metadata(XElement item, string name) =>
        (XObject?)item.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? item.Elements().FirstOrDefault(e => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase));

    public static string Value(XObject metadata) => metadata switch
    {
        XAttribute a => a.Value,
        XElement e => e.Value.Trim(),
        _ => "",
    };

    /// <summary>Where the value of an attribute or child element is written: the characters between the attribute's
    /// quotes, or the element's text without its surrounding spaces.</summary>
    public (int Offset, int Length) Span(XObject metadata)
    {
        var info = (IXmlLineInfo)metadata;
        var at = bom + lines.OffsetOf(info.LineNumber, info.LinePosition);
        return metadata is XAttribute ? AttributeValue(at) : ElementText(at);
    }

    private (int, int) AttributeValue(int at)
    {
        var i = text.IndexOf('=', at);
        while (text[++i] is not ('"' or '\''))
        {
        }
        var end = text.IndexOf(text[i], i + 1);
        return (i + 1, end - i - 1);
    }

    private (int, int) ElementText(int at)
    {
        // Skip the start tag, minding quoted attribute values, to the first character of the element's text.
        var i = at;
        char? quote = null;
        for (; text[i] != '>' || quote is not null; i++)
        {
            if (quote is null && text[i] is '"' or '\'') quote = text[i];
            else if (text[i] == quote) quote = null;
        }
        var start = i + 1;
        var end = text.IndexOf('<', start);
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end - start);
    }
}
