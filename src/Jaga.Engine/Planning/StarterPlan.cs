using System.Text;
using Jaga.Core.Interpolation;
using Jaga.Engine.Files;

namespace Jaga.Engine.Planning;

/// <summary>What <c>jaga init</c> found in a project folder.</summary>
public sealed record ProjectFindings(
    string Project, IReadOnlyList<string> EnvFiles, string? DatabaseVariable, string? DatabaseScheme, string? DatabaseFoundIn,
    IReadOnlyList<string> SqliteFiles, IReadOnlyList<string> Manifests, IReadOnlyList<string> Folders, IReadOnlyList<string> AppLogs);

/// <summary>Writes a commented starter <c>jaga.yaml</c> from what is in the folder: .env files, DATABASE_URL, SQLite files, manifests.</summary>
public static class StarterPlan
{
    private static readonly string[] ManifestNames = ["package.json", "requirements.txt", "pyproject.toml", "Directory.Packages.props", "packages.config", "Pipfile"];
    /// <summary>Where applications commonly write their logs; a folder is proposed only when it holds <c>*.log</c> files.</summary>
    private static readonly string[] LogFolders = ["logs/app", "log", "storage/logs", "var/log"];
    private static readonly string[] Skipped = [".git", ".jaga", "node_modules", "bin", "obj", ".venv", "venv", "__pycache__", "backup", "logs"];

    public static ProjectFindings Detect(string dir)
    {
        // Only the files production reads, production last so that it wins (later env files override earlier ones).
        // .env.development, .env.test and direnv's .envrc are not production's configuration.
        var envFiles = new[] { ".env", ".env.production" }.Where(f => File.Exists(Path.Combine(dir, f))).ToList();
        string? variable = null, scheme = null, foundIn = null;
        foreach (var f in envFiles)
        {
            var env = EnvFile.Parse(InputFile.ReadText(Path.Combine(dir, f), InputFile.EnvFileLimit, "env file") ?? "", f);
            foreach (var name in new[] { "DATABASE_URL", "POSTGRES_URL", "DB_URL" })
            {
                if (env.Values.TryGetValue(name, out var url) && (variable is null || variable == name))
                {
                    variable = name;
                    scheme = url.Split(':')[0].ToLowerInvariant();
                    foundIn = f;
                }
            }
        }
        var files = Walk(dir, 3).ToList();
        var sqlite = files.Where(f => f.EndsWith(".db", StringComparison.Ordinal) || f.EndsWith(".sqlite", StringComparison.Ordinal) || f.EndsWith(".sqlite3", StringComparison.Ordinal))
            .Where(f => IsSqlite(Path.Combine(dir, f))).ToList();
        var manifests = files.Where(f => ManifestNames.Contains(Path.GetFileName(f)) || f.EndsWith(".csproj", StringComparison.Ordinal)).ToList();
        var folders = new[] { "uploads", "storage", "media", "data" }.Where(d => Directory.Exists(Path.Combine(dir, d))).ToList();
        var project = Path.GetFileName(Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar));
        var appLogs = LogFolders.Where(d => Directory.Exists(Path.Combine(dir, d)) && Directory.EnumerateFiles(Path.Combine(dir, d), "*.log").Any()).ToList();
        return new ProjectFindings(string.IsNullOrEmpty(project) ? "project" : project, envFiles, variable, scheme, foundIn, sqlite, manifests, folders, appLogs);
    }

    /// <param name="f">What was found in the folder.</param>
    /// <param name="pingToken">The token of the commented heartbeat example; a new random one when null.</param>
    public static string Render(ProjectFindings f, string? pingToken = null)
    {
        var y = new StringBuilder();
        y.AppendLine("# jaga.yaml — the maintenance plan, as code. Check it with `jaga validate`,")
         .AppendLine("# read it as a document with `jaga plan render`. Reference: docs/plan.md.")
         .AppendLine("version: 1")
         .AppendLine($"project: {Slug(f.Project)}")
         .AppendLine("timezone: UTC                 # IANA zone in which schedules are read and log times written")
         .AppendLine("language: en                  # en or id: the language of the maintenance log")
         .AppendLine("state: .jaga/state.db         # SQLite by default; postgres://… for several nodes")
         .AppendLine("log: { file: logs/maintenance.log }");
        if (f.EnvFiles.Count > 0)
            y.AppendLine($"env_files: [{string.Join(", ", f.EnvFiles)}]   # ${{VAR}} values come from here; they are never printed");
        y.AppendLine().AppendLine("destinations:").AppendLine("  local: { path: backup/ }")
         .AppendLine("  # offsite: { s3: s3://bucket/jaga, endpoint: \"${S3_ENDPOINT}\", access_key: \"${S3_KEY}\", secret_key: \"${S3_SECRET}\" }")
         .AppendLine().AppendLine("backup:");
        var jobs = 0;
        if (f.DatabaseVariable is not null && f.DatabaseScheme is "postgres" or "postgresql")
        {
            y.AppendLine("  - name: db").AppendLine($"    source: {{ postgres: \"${{{f.DatabaseVariable}}}\" }}   # found in {f.DatabaseFoundIn}")
             .AppendLine("    schedule: \"0 2 * * *\"").AppendLine("    to: [local]").AppendLine("    file: \"db_{date}\"")
             .AppendLine("    keep: { last: 3, daily: 7, weekly: 4, monthly: 12 }");
            jobs++;
        }
        foreach (var db in f.SqliteFiles)
        {
            y.AppendLine($"  - name: {Slug(Path.GetFileNameWithoutExtension(db))}{(jobs > 0 ? "-" + jobs : "")}")
             .AppendLine($"    source: {{ sqlite: {db} }}").AppendLine("    schedule: \"0 2 * * *\"").AppendLine("    to: [local]")
             .AppendLine("    keep: { daily: 7, weekly: 4 }");
            jobs++;
        }
        if (f.Folders.Count > 0)
        {
            y.AppendLine("  - name: files").AppendLine($"    source: {{ files: [{string.Join(", ", f.Folders.Select(d => d + "/"))}] }}")
             .AppendLine("    schedule: \"30 2 * * *\"").AppendLine("    to: [local]").AppendLine("    keep: { daily: 7, weekly: 4 }");
            jobs++;
        }
        if (jobs == 0)
            y.AppendLine("  []   # nothing found to back up; add a job: { name, source: { postgres|sqlite|files }, schedule, to }");
        y.AppendLine().AppendLine("monitoring:")
         .AppendLine("  host: { every: 1m, cpu: \"< 90%\", memory: \"< 85%\", disk: { \"/\": \"< 90%\" } }")
         .AppendLine(f.AppLogs.Count > 0 ? "  logs:" : "  # logs:                          # the application's own logs: rotated, compressed, pruned");
        // Only folders that hold logs: a rule for a folder that does not exist would warn on every run.
        foreach (var d in f.AppLogs) y.AppendLine($"    - {{ path: \"{d}/*.log\", keep: 30d, max_size: 100MB, compress: zstd }}");
        if (f.AppLogs.Count == 0) y.AppendLine("  #   - { path: \"logs/app/*.log\", keep: 30d, max_size: 100MB, compress: zstd }");
        y.Append(HeartbeatExample(pingToken ?? Heartbeats.PingTokens.New()))
         .AppendLine().AppendLine("update:");
        // `jaga run` carries out a scheduled update: scheduling one for a folder without a manifest would fail every week.
        if (f.Manifests.Count > 0) y.AppendLine("  schedule: \"0 3 * * 1\"").AppendLine($"  # found: {string.Join(", ", f.Manifests.Take(8))}");
        else y.AppendLine("  # schedule: \"0 3 * * 1\"          # no manifest found here: set root: to the project folder, then uncomment");
        y.AppendLine("  manifests: auto").AppendLine("  policy: { security: immediate, patch: auto, minor: review, major: manual }")
         .AppendLine().AppendLine("audit:").AppendLine("  checkpoint: \"@daily\"        # signed checkpoints of the audit chain")
         .AppendLine("  # anchors: /mnt/offsite/jaga-anchors   # keep checkpoint copies where this server cannot rewrite them");
        return y.ToString();
    }

    /// <summary>A heartbeat check to uncomment, with an unguessable token already made: a name would be guessable.</summary>
    private static string HeartbeatExample(string token) => $$"""
          # A heartbeat for a job of yours (cron, CI): uncomment, then end the job with `jaga ping nightly-job --exit $?`,
          # or call the URL `jaga ping nightly-job --show-url` prints. The token is a secret: whoever knows it can report
          # the job as run or failed. To rotate it, change it here, reload (jaga run picks up the edit), update the job.
          # checks:
          #   - name: nightly-job
          #     heartbeat: { every: 1d, grace: 1h, token: {{token}} }

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static IEnumerable<string> Walk(string root, int depth)
    {
        var stack = new Stack<(string Dir, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (dir, d) = stack.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(dir).ToList();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // Unreadable, or gone while walking (a process's folder in /proc): nothing to find there.
                continue;
            }
            foreach (var e in entries.Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(e);
                if (Directory.Exists(e))
                {
                    if (d + 1 < depth && !Skipped.Contains(name)) stack.Push((e, d + 1));
                }
                else
                {
                    yield return Path.GetRelativePath(root, e).Replace('\\', '/');
                }
            }
        }
    }

    private static bool IsSqlite(string path)
    {
        try
        {
            using var f = File.OpenRead(path);
            var header = new byte[16];
            return f.Read(header) == 16 && Encoding.ASCII.GetString(header) == "SQLite format 3\0";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Slug(string s)
    {
        var slug = new string(s.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return slug.Length == 0 ? "project" : slug;
    }
}
