using System.Xml.Linq;
using Jaga.Engine.Files;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Jaga.Dashboard.Security;

/// <summary>Data Protection's keys (which sign the sign-in and anti-forgery cookies) in a folder beside the state, readable by
/// the owner only (0700 folder, 0600 files), each written by <see cref="AtomicFile"/> (temporary name, flush, rename), so a
/// crash never leaves half a key and sign-ins survive a restart. Nodes that share the folder share sign-ins.</summary>
internal sealed class PrivateKeyFolder(string folder) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (!Directory.Exists(folder)) return [];
        return [.. Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal).Select(f => XElement.Load(f))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var name = string.Concat(friendlyName.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
        AtomicFile.WriteAllText(Path.Combine(folder, name + ".xml"), element.ToString(SaveOptions.DisableFormatting), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
