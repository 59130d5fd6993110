using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Redaction;

namespace Jaga.Core.Emergency;

/// <summary>The shell commands that restore a backup job's newest artifact with the reference tools alone (<c>age</c>,
/// <c>zstd</c>/<c>gzip</c>, <c>psql</c>/<c>pg_restore</c>, <c>tar</c>), for the printed procedure: the night Jaga itself is
/// broken is a night the backup must still come back. Follows docs/backup.md, "Encryption and restoring without Jaga".</summary>
/// <remarks>No secret is written: a database URL loses its password (the client asks for it), a <c>${VAR}</c> stays a
/// reference for the shell to fill, and every line passes through the plan's redactor.</remarks>
public static class RestoreWithoutJaga
{
    /// <summary>The commands, one line each, comments in <paramref name="t"/>'s language.</summary>
    public static IReadOnlyList<string> Commands(LoadedPlan loaded, BackupJob job, BackupRestore restore, Catalog t)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(restore);
        ArgumentNullException.ThrowIfNull(t);
        var pattern = Pattern(job);
        var plan = loaded.Plan;
        var lines = new List<string> { $"cd {Quoted(loaded.Directory)}   # {t["procedure.cmd.folder"]}" };
        var destinations = plan.Destinations;
        // The target names a variable: export the plan's env files, so the shell fills it in as Jaga would.
        if (restore.Into.Contains("${", StringComparison.Ordinal))
            lines.Add($"set -a; {string.Join("; ", (plan.EnvFiles.Count > 0 ? plan.EnvFiles : [".env"]).Select(f => ". " + Relative(f)))}; set +a   # {t["procedure.cmd.env"]}");
        var local = job.To.Select(d => destinations.GetValueOrDefault(d)).OfType<LocalFolder>().FirstOrDefault();
        if (local is not null)
        {
            lines.Add($"FILE=$(ls -t {Folder(local.Path)}{pattern} | head -n 1)   # {t[restore.From == BackupRestore.Latest ? "procedure.cmd.newest" : "procedure.cmd.chosen"]}");
        }
        else
        {
            var where = job.To.Count > 0 && destinations.GetValueOrDefault(job.To[0]) is { } d ? $"{job.To[0]} ({d.Where})" : string.Join(", ", job.To);
            lines.Add($"# {t.Format("procedure.cmd.fetch", pattern, where)}");
            lines.Add($"FILE={pattern.Replace("*", "YYYY-MM-DD", StringComparison.Ordinal)}");
        }
        lines.Add($"sha256sum \"$FILE\"   # {t["procedure.cmd.sha"]}");
        lines.Add(Pipeline(job, restore.Into, t));
        return [.. lines.Select(loaded.Redactor.Redact)];
    }

    /// <summary>The artifact names of the job as a shell glob: its <c>file</c> template with <c>*</c> for the date and time,
    /// and the extension the pipeline gives (<c>db_*.sql.zst.age</c>).</summary>
    public static string Pattern(BackupJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var stem = job.File.Replace("{name}", job.Name, StringComparison.Ordinal).Replace("{date}", "*", StringComparison.Ordinal).Replace("{time}", "*", StringComparison.Ordinal);
        var source = SourceExtension(job);
        if (stem.EndsWith(source, StringComparison.Ordinal)) stem = stem[..^source.Length];
        return Backup.ArtifactName.Extension(stem + source, job.Compress, job.Encrypt is not null).Replace("**", "*", StringComparison.Ordinal);
    }

    /// <summary>The first extension, as each source names its stream (the adapters' <c>IBackupSource.Extension</c>).</summary>
    private static string SourceExtension(BackupJob job) => job.Source switch
    {
        PostgresDatabase => job.Format == DumpFormat.Custom ? ".dump" : ".sql",
        SqliteDatabase => ".db",
        MysqlDatabase => ".sql",
        FileSet => ".tar",
        _ => throw new ArgumentOutOfRangeException(nameof(job), job.Source.GetType().Name, "a kind of backup source the procedure cannot restore"),
    };

    private static string Pipeline(BackupJob job, string into, Catalog t)
    {
        var parts = new List<string>();
        if (job.Encrypt is { } e)
            parts.Add(e.PassphraseEnv is not null ? "age -d \"$FILE\"" : $"age -d -i {e.Identity ?? "IDENTITY_FILE"} \"$FILE\"");
        var decompress = job.Compress switch
        {
            Compression.Zstd => "zstd -d",
            Compression.Gzip => "gzip -d",
            _ => null,
        };
        if (decompress is not null) parts.Add(parts.Count == 0 ? decompress + "c \"$FILE\"" : decompress);
        var first = parts.Count == 0;
        var target = Quoted(WithoutPassword(into));
        var line = job.Source switch
        {
            PostgresDatabase when job.Format == DumpFormat.Custom => Join(parts, $"pg_restore --no-owner -d {target}" + (first ? " \"$FILE\"" : "")),
            PostgresDatabase => Join(parts, "psql -X -v ON_ERROR_STOP=1 " + (first ? "-f \"$FILE\" " : "") + target),
            MysqlDatabase => Join(parts, "mysql " + target + (first ? " < \"$FILE\"" : "")),
            SqliteDatabase => first ? $"cp \"$FILE\" {target}" : string.Join(" | ", parts) + $" > {target}",
            FileSet => Join(parts, $"tar -x -C {target}" + (first ? " -f \"$FILE\"" : "")),
            _ => throw new ArgumentOutOfRangeException(nameof(job), job.Source.GetType().Name, "a kind of backup source the procedure cannot restore"),
        };
        var note = job.Encrypt is { PassphraseEnv: { } passphrase } ? t.Format("procedure.cmd.passphrase", passphrase)
            : job.Encrypt is { Identity: null } ? t["procedure.cmd.identity"]
            : job.Source is PostgresDatabase or MysqlDatabase ? t["procedure.cmd.password"] : null;
        return note is null ? line : $"{line}   # {note}";
    }

    private static string Join(List<string> parts, string sink) => string.Join(" | ", parts.Append(sink));

    private static string Relative(string path) => path.StartsWith('/') || path.StartsWith("./", StringComparison.Ordinal) ? path : "./" + path;

    private static string Folder(string path) => path.EndsWith('/') ? path : path + "/";

    /// <summary>A database URL without its password: the client asks for it (or reads PGPASSWORD), the page never shows it.</summary>
    private static string WithoutPassword(string url) =>
        Redactor.PasswordOf(url) is { } password ? url.Replace(":" + password + "@", "@", StringComparison.Ordinal) : url;

    private static string Quoted(string s) => s.Contains('"', StringComparison.Ordinal) ? StepTemplate.ShellQuote(s) : $"\"{s}\"";
}
