using System.Globalization;

namespace Jaga.Core.Messages;

/// <summary>Every user-facing log message, in English and Indonesian. Keys are stable; texts can be improved freely.</summary>
/// <remarks>The texts of one language stay together, so a translator sees them side by side. Each journal event
/// (<c>Jaga.Core.Journal.Events</c>) names its key; the Core tests prove every event's key exists in both languages with the
/// same placeholders, and that every key here is used.</remarks>
public sealed class Catalog
{
    private readonly IReadOnlyDictionary<string, string> texts;

    private Catalog(string language, IReadOnlyDictionary<string, string> texts)
    {
        Language = language;
        this.texts = texts;
    }

    public static Catalog English { get; } = new("en", Merged(
        CatalogEn.Texts, PlanCatalogEn.Texts, RunbookCatalogEn.Texts, StepCatalogEn.Texts, DrillCatalogEn.Texts, IncidentCatalogEn.Texts,
        RunbookExecCatalogEn.Texts, RunbookRunCatalogEn.Texts,
        MigrateRunCatalogEn.Texts,
        UpdateAdvisoryCatalogEn.Texts,
        UpdateApplyCatalogEn.Texts,
        UpdateAuditCatalogEn.Texts,
        UpdateExampleCatalogEn.Texts,
        UpdateFeedCatalogEn.Texts,
        UpdateManifestCatalogEn.Texts,
        UpdatePatchesCatalogEn.Texts,
        UpdateRegistryCatalogEn.Texts,
        UpdateScheduleCatalogEn.Texts,
        UpdateUnusedCatalogEn.Texts,
        MigrateImportCatalogEn.Texts,
        MigrateExportCatalogEn.Texts,
        ReadinessCatalogEn.Texts,
        DashboardCatalogEn.Texts,
        BackupsPageCatalogEn.Texts,
        MonitoringPageCatalogEn.Texts,
        UpdatesPageCatalogEn.Texts,
        EmergencyPageCatalogEn.Texts,
        LogPageCatalogEn.Texts,
        ChecklistPageCatalogEn.Texts,
        SecretsCatalogEn.Texts,
        ChartCatalogEn.Texts));

    public static Catalog Indonesian { get; } = new("id", Merged(
        CatalogId.Texts, PlanCatalogId.Texts, RunbookCatalogId.Texts, StepCatalogId.Texts, DrillCatalogId.Texts, IncidentCatalogId.Texts,
        RunbookExecCatalogId.Texts, RunbookRunCatalogId.Texts,
        MigrateRunCatalogId.Texts,
        UpdateAdvisoryCatalogId.Texts,
        UpdateApplyCatalogId.Texts,
        UpdateAuditCatalogId.Texts,
        UpdateExampleCatalogId.Texts,
        UpdateFeedCatalogId.Texts,
        UpdateManifestCatalogId.Texts,
        UpdatePatchesCatalogId.Texts,
        UpdateRegistryCatalogId.Texts,
        UpdateScheduleCatalogId.Texts,
        UpdateUnusedCatalogId.Texts,
        MigrateImportCatalogId.Texts,
        MigrateExportCatalogId.Texts,
        ReadinessCatalogId.Texts,
        DashboardCatalogId.Texts,
        BackupsPageCatalogId.Texts,
        MonitoringPageCatalogId.Texts,
        UpdatesPageCatalogId.Texts,
        EmergencyPageCatalogId.Texts,
        LogPageCatalogId.Texts,
        ChecklistPageCatalogId.Texts,
        SecretsCatalogId.Texts,
        ChartCatalogId.Texts));

    private static Dictionary<string, string> Merged(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(StringComparer.Ordinal);

    public static IReadOnlyList<string> Languages { get; } = ["en", "id"];

    public string Language { get; }

    public IEnumerable<string> Keys => texts.Keys;

    public static Catalog For(string? language) => language == "id" ? Indonesian : English;

    public string this[string key] => texts.TryGetValue(key, out var t) ? t : English.texts[key];

    /// <summary>The column headers of a table, kept as one text with <c>|</c> between them so a translator sees them together.</summary>
    public string[] Columns(string key) => this[key].Split('|');

    /// <summary>A stored state as a reader says it (<c>word.run.succeeded</c>: "succeeded", "berhasil"); the stores and
    /// <c>--json</c> keep the stored word itself.</summary>
    public string Word<T>(string group, T value)
        where T : struct, Enum => this[$"word.{group}.{Storage.StoredWord.Text(value)}"];

    /// <summary>The text of <paramref name="key"/> filled with <paramref name="args"/>; a <see cref="Phrase"/> argument is
    /// worded in this catalog's language first.</summary>
    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, this[key], [.. args.Select(a => a is Phrase p ? Format(p.Key, [.. p.Args]) : a)]);
}
