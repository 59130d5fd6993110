using System.Text;
using Jaga.Core.Env;
using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Migration;
using Jaga.Core.Messages;
using Jaga.Engine.Files;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Env;

/// <summary>Sets keys in an env file on disk, atomically: the new text goes to a temporary file in the same folder, is
/// flushed to disk and renamed over the file, so a reader sees the old file or the new one, never half of one; the old
/// file is kept beside it as <c>FILE.bak</c> (one generation: the previous <c>.bak</c> is replaced).</summary>
/// <remarks>A symbolic link is followed: the file it names is replaced and the link stays. A new file is created readable
/// by its owner only (it holds secrets); an existing one keeps its permissions, and so does its <c>.bak</c>.</remarks>
public static class EnvFileUpdate
{
    /// <summary>The suffix of the kept previous file.</summary>
    public const string BackupSuffix = ".bak";

    /// <summary>Sets <paramref name="values"/> in <paramref name="path"/> (created when missing, in an existing folder).</summary>
    /// <param name="path">The env file, as the user named it (shown in messages).</param>
    /// <param name="values">Keys and their new values.</param>
    /// <param name="words">The language of messages.</param>
    /// <param name="hmacKey">The installation's key (<see cref="EnvHmacKey"/>) the values' HMACs are made with.</param>
    /// <exception cref="UserException">A key or value is refused (<see cref="EnvEdit.Set"/>), the path is not a regular file
    /// (a folder, a FIFO), its folder is missing, or the result would be larger than Jaga reads. Nothing is written then.</exception>
    public static EnvFileUpdated Apply(string path, IReadOnlyList<KeyValuePair<string, string>> values, Catalog words, byte[] hmacKey)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(words);
        EnvEdit.CheckKeys(values.Select(v => v.Key), words);
        try
        {
            return Write(path, values, words, hmacKey);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A path too long, a read-only folder, a full disk: the file the user named cannot be written; nothing was.
            throw new UserException(words.Format("reason.env.write", path, e.Message), words["reason.env.write.hint"], e);
        }
    }

    private static EnvFileUpdated Write(string path, IReadOnlyList<KeyValuePair<string, string>> values, Catalog words, byte[] hmacKey)
    {
        var full = Path.GetFullPath(path);
        if (new FileInfo(full).LinkTarget is not null && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target) full = target.FullName;
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new UserException(words.Format("reason.env.folder", path), words["reason.env.folder.hint"]);
        var old = InputFile.ReadText(full, InputFile.EnvFileLimit, "env file");
        var edited = EnvEdit.Set(old ?? "", path, values, words, hmacKey);
        if (old is not null && edited.Changes.All(c => c.Change == EnvChange.Unchanged))
            return new EnvFileUpdated(full, null, edited.Changes);
        var bytes = new UTF8Encoding(false).GetBytes(edited.Text);
        if (bytes.Length > InputFile.EnvFileLimit)
            throw new UserException(words.Format("reason.env.too.large", path, $"{InputFile.EnvFileLimit >> 20} MiB"), words["reason.env.too.large.hint"]);
        var mode = old is null || OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(full);
        string? backup = null;
        if (old is not null)
        {
            backup = full + BackupSuffix;
            Replace(backup, File.ReadAllBytes(full), mode);
        }
        Replace(full, bytes, mode);
        return new EnvFileUpdated(full, backup, edited.Changes);
    }

    /// <summary>Records one <see cref="EnvVariableSet"/> per key: the key, the file and the value's HMAC, never the value.</summary>
    public static async Task RecordAsync(MaintenanceJournal journal, string shownPath, EnvFileUpdated updated, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(updated);
        foreach (var c in updated.Changes)
        {
            await journal.RecordAsync(new EnvVariableSet(c.Key, shownPath, c.Change, c.ValueHmac)
            {
                Data = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["key"] = c.Key,
                    ["file"] = shownPath,
                    ["change"] = c.Change.ToString().ToLowerInvariant(),
                    ["value_hmac"] = c.ValueHmac,
                },
            }, ct: ct);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to a temporary file beside <paramref name="path"/>, flushes it to disk and
    /// renames it over <paramref name="path"/> (rename(2) replaces atomically).</summary>
    private static void Replace(string path, byte[] bytes, UnixFileMode mode)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            // Set after creation: the umask narrows a create mode, and an existing file's mode is kept as it was.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, mode);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
