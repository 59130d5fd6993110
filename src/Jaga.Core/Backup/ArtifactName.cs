using Jaga.Core.Plan;
using System.Globalization;
using System.Text;

namespace Jaga.Core.Backup;

/// <summary>Names of backup artifacts: the plan's template (default <c>{name}_{date}</c>) plus the pipeline's extension,
/// e.g. <c>db_2025-11-15.sql.zst.age</c>. A name already taken gets the time as a suffix: a backup never overwrites another.</summary>
public static class ArtifactName
{
    public const string ManifestSuffix = ".manifest.json";

    /// <summary>The extension the pipeline gives: the source's (<c>.sql</c>), then compression, then encryption.</summary>
    public static string Extension(string sourceExtension, Compression compress, bool encrypted) =>
        sourceExtension + compress.FileExtension() + (encrypted ? ".age" : "");

    /// <summary>The manifest beside an artifact.</summary>
    public static string ManifestOf(string artifact) => artifact + ManifestSuffix;

    /// <summary>The artifact a manifest describes, or null when <paramref name="name"/> is not a manifest.</summary>
    public static string? ArtifactOf(string name) =>
        name.EndsWith(ManifestSuffix, StringComparison.Ordinal) && name.Length > ManifestSuffix.Length ? name[..^ManifestSuffix.Length] : null;

    /// <summary>Problems with a template, for plan validation: unknown placeholders, a '/' or an empty result.</summary>
    public static IReadOnlyList<string> Problems(string template)
    {
        var problems = new List<string>();
        var rest = template;
        foreach (var known in new[] { "{name}", "{date}", "{time}" }) rest = rest.Replace(known, "", StringComparison.Ordinal);
        var open = rest.IndexOf('{', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = rest.IndexOf('}', open);
            problems.Add($"unknown placeholder {(close > open ? rest[open..(close + 1)] : rest[open..])}; use {{name}}, {{date}} or {{time}}");
        }
        if (template.Contains('/') || template.Contains('\\')) problems.Add("the name may not contain '/': the destination says where backups go");
        if (template.StartsWith('.')) problems.Add("the name may not start with '.' (hidden files are Jaga's temporary files)");
        if (template.Trim().Length == 0) problems.Add("the name is empty");
        return problems;
    }

    /// <summary>The name for a backup of <paramref name="job"/> started at <paramref name="started"/>; <paramref name="taken"/>
    /// says whether a name is already used (in the catalog or at any destination).</summary>
    public static string Choose(string template, string job, string extension, DateTimeOffset started, TimeZoneInfo zone, Func<string, bool> taken)
    {
        var local = TimeZoneInfo.ConvertTime(started, zone);
        var stem = Render(template, job, local);
        // A template that already names the source's extension ("db_{date}.sql") does not get it twice.
        var sourceExtension = extension.Split('.', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (sourceExtension is not null && stem.EndsWith("." + sourceExtension, StringComparison.Ordinal)) stem = stem[..^(sourceExtension.Length + 1)];

        var name = stem + extension;
        if (!taken(name)) return name;
        var time = local.ToString("HHmmss", CultureInfo.InvariantCulture);
        name = $"{stem}_{time}{extension}";
        for (var n = 2; taken(name); n++) name = $"{stem}_{time}-{n}{extension}";
        return name;
    }

    private static string Render(string template, string job, DateTimeOffset local)
    {
        var sb = new StringBuilder(template)
            .Replace("{name}", job)
            .Replace("{date}", local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Replace("{time}", local.ToString("HHmmss", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
