using System.Xml.Linq;
using Jaga.Engine.Files;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Jaga.Dashboard.Security;

/// <summary>Data Protection's keys (which sign the sign-in and anti-forgery cookies) in a folder beside the state, readable by
/// the owner only (0700 folder, 0600 files), each written by <see cref="AtomicFile"/> (temporary name, flush, rename), so a
/// crash never leaves half a key and sign-ins survive a restart. Nodes that share the folder share sign-ins.
/// A folder or key made readable by others before (by hand, by an older version, by a copy) is narrowed to the owner on
/// the first read.</summary>
internal sealed class PrivateKeyFolder(string folder) : IXmlRepository
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;
    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private int narrowed;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (!Directory.Exists(folder)) return [];
        if (Interlocked.Exchange(ref narrowed, 1) == 0) Narrow();
        return [.. Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal).Select(f => XElement.Load(f))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else
        {
            Directory.CreateDirectory(folder, OwnerFolder);
            Narrow();
        }
        var name = string.Concat(friendlyName.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
        AtomicFile.WriteAllText(Path.Combine(folder, name + ".xml"), element.ToString(SaveOptions.DisableFormatting), OwnerFile);
    }

    /// <summary>Takes every permission of group and others from the folder and its keys (CreateDirectory leaves an
    /// existing folder's mode as it was).</summary>
    private void Narrow()
    {
        if (OperatingSystem.IsWindows()) return;
        foreach (var path in Directory.EnumerateFiles(folder, "*.xml").Prepend(folder))
        {
            try
            {
                if ((File.GetUnixFileMode(path) & Others) != 0) File.SetUnixFileMode(path, File.GetUnixFileMode(path) & ~Others);
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's file (a folder shared by hand between nodes): only its owner can narrow it.
            }
        }
    }
}
