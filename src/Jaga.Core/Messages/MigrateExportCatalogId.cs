namespace Jaga.Core.Messages;

/// <summary>Teks <c>jaga migrate export</c> dan <c>jaga migrate verify</c>, dalam bahasa Indonesia: kunci dan placeholder
/// sama dengan <see cref="MigrateExportCatalogEn"/>.</summary>
internal static class MigrateExportCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["migration.exported"] = "Ekspor migrasi {0} ke {1} selesai: {2} tabel, {3} baris dalam {4}",
        ["migration.export.failed"] = "Ekspor migrasi {0} ke {1} GAGAL: {2}",
        ["migration.verified"] = "Migrasi terverifikasi: {0} dan {1} berisi baris yang sama di {2} tabel ({3} baris)",
        ["migration.verify.failed"] = "Verifikasi migrasi GAGAL: {0} dan {1} berbeda di {2}",
        ["cli.migrate.export.done"] = "Mengekspor {0} tabel, {1} baris, ke {2} dalam {3}",
        ["cli.migrate.export.columns"] = "TABEL|BARIS|BERKAS|SHA-256 ISI",
        ["cli.migrate.warning"] = "peringatan: {0}",
        ["cli.migrate.verify.columns"] = "TABEL|BARIS SUMBER|BARIS TUJUAN|HASIL|CONTOH KUNCI",
        ["cli.migrate.verify.equal"] = "Sama: {0} dan {1} berisi baris yang sama di {2} tabel",
        ["cli.migrate.verify.differ"] = "Berbeda: {0} dari {1} tabel berbeda antara {2} dan {3}",
        ["word.migrate.equal"] = "sama",
        ["word.migrate.differs"] = "berbeda",
    };
}
