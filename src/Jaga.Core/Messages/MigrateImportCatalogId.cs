namespace Jaga.Core.Messages;

/// <summary>Teks <c>jaga migrate import</c> dalam bahasa Indonesia: kunci dan placeholder sama dengan
/// <see cref="MigrateImportCatalogEn"/>.</summary>
internal static class MigrateImportCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["migration.imported"] = "{0} diimpor ke {1}: {2} tabel, {3} baris dalam {4}",
        ["migration.import.failed"] = "Impor {0} ke {1} GAGAL: {2}",
        ["cli.import.folder.missing"] = "folder ekspor {0} tidak ada",
        ["cli.import.manifest.missing"] = "{0} tidak punya manifest.json: bukan hasil ekspor, atau ekspornya tidak selesai",
        ["cli.import.manifest.bad"] = "{0} tidak bisa dipakai: {1}",
        ["cli.import.folder.hint"] = "beri --from folder yang ditulis jaga migrate export (ekspor ulang jika tidak selesai)",
        ["cli.import.target.kind"] = "--into bukan URL PostgreSQL: impor hanya ke PostgreSQL",
        ["cli.import.target.hint"] = "tulis sebagai postgres://user:password@host:5432/database",
        ["cli.import.url.bad"] = "--into tidak bisa dibaca: {0}",
        ["cli.import.connect.failed"] = "tidak bisa terhubung ke {0}: {1}",
        ["cli.import.connect.hint"] = "periksa bahwa server berjalan, serta host, port, user, password dan database di URL",
        ["cli.import.refused"] = "impor ditolak sebelum satu baris pun ditulis ({0} masalah):",
        ["cli.import.refused.hint"] = "perbaiki setiap masalah lalu jalankan impor lagi; --truncate mengosongkan tabel yang berisi baris",
        ["cli.import.finished.hint"] = "tabel yang ditolak di-rollback; tabel berikut sudah dimuat dan di-commit sebelumnya: {0} (impor sisanya dengan --tables, atau ulangi dengan --truncate)",
        ["cli.import.rolled.back.hint"] = "semuanya di-rollback: target seperti semula; perbaiki barisnya lalu impor lagi",
        ["cli.import.truncate.failed"] = "--truncate tidak bisa mengosongkan tabel target: {0}",
        ["cli.import.table.failed"] = "tabel {0} ditolak: {1}",
        ["cli.import.row.failed"] = "{0}:{1}: baris ditolak: {2}",
        ["cli.import.row.failed.column"] = "{0}:{1}: kolom {2}: {3}",
        ["cli.import.done"] = "{0} tabel, {1} baris diimpor ke {2} dalam {3}",
        ["cli.import.table"] = "TABEL|BARIS|CARA|DETIK",
        ["cli.import.created"] = "dibuat",
        ["cli.import.existing"] = "tabel yang ada",
        ["cli.import.truncated"] = "tabel yang ada, dikosongkan dulu",
        ["cli.import.progress"] = "{0}: {1} dari {2} baris, {3} baris/dtk",
        ["reason.import.table.unknown"] = "--tables menyebut {0}, yang tidak ada dalam ekspor (isinya: {1})",
        ["reason.import.type.name"] = "tabel {0}: kolom {1} bertipe '{2}' di manifest, yang bukan nama tipe PostgreSQL",
        ["reason.import.column.missing"] = "tabel {0}: kolom ekspor {1} tidak punya kolom bernama sama di tabel target (kolomnya: {2})",
        ["reason.import.column.type"] = "tabel {0}: kolom {1} bertipe {2} di ekspor tetapi {3} di target, dan nilai {2} tidak bisa dimuat ke {3}",
        ["reason.import.column.required"] = "tabel {0}: kolom target {1} NOT NULL tanpa default, dan ekspor tidak punya kolom itu",
        ["reason.import.fk.skipped"] = "foreign key ({0}) ke {1} tidak dibuat: {1} tidak diimpor",
        ["reason.import.file.missing"] = "{0} (tabel {1}) tidak ada",
        ["reason.import.file.changed"] = "{0} berubah sejak ekspor: SHA-256-nya {2}, manifest menyebut {1}",
        ["reason.import.not.empty"] = "tabel {0} di target sudah berisi baris (beri --truncate untuk mengosongkannya dulu)",
    };
}
